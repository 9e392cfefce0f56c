#!/bin/sh
# tests/threads.sh REGEN : artifacts rendered at once (gen/workers.c) come
# out as if rendered one by one. Six templates, each dumping the model with
# {{{@json}}} at the top and per entry (the case that shares the model's
# values between threads), with @index and @first sections: every artifact
# must be identical, run after run. In a ThreadSanitizer build (.ci/run),
# any race report also fails the run.
set -u
regen=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
die() { echo "FAIL: $*"; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)

mkdir "$work/templates"
for name in a b c d e f; do
    printf '%s\n' '{{{@json}}}' '{{#codes}}' \
        '{{@index}}{{#@first}} first{{/@first}} {{code}} {{reason}}' '{{{@json}}}' '{{/codes}}' \
        >"$work/templates/$name.txt.tmpl"
done
for run in 1 2 3; do
    "$regen" -t "$work/templates" -o "$work/out$run" "$here/../registry.yaml" ||
        die "run $run failed"
    for name in b c d e f; do
        cmp -s "$work/out$run/a.txt" "$work/out$run/$name.txt" || die "run $run: $name.txt differs from a.txt"
    done
    cmp -s "$work/out1/a.txt" "$work/out$run/a.txt" || die "run $run differs from run 1"
done
grep -q '"name": "http_status"' "$work/out1/a.txt" || die "a.txt holds no model dump"
echo "ok: 6 artifacts rendered at once are identical, 3 runs"
