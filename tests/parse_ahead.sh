#!/bin/sh
# tests/parse_ahead.sh REGEN PYTHON : the loader over a registry of 3,000
# entries (some 600 event batches: gen/event_stream.c parses ahead on its own
# thread). A fatal error near the top makes the loader stop while the parser
# runs on; a parse error at the very end arrives in the last batch; a valid
# registry loads. Each reports as libyaml would, at the right line, and
# (under ASan, and TSan in .ci/run) without a leak or a race.
set -u
regen=$1
python=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
die() { echo "FAIL: $*"; exit 1; }
here=$(cd "$(dirname "$0")" && pwd)

"$python" "$here/../bench/synthetic_registry.py" 3000 >"$work/valid.yaml" || die "no registry"
"$regen" -o "$work/out" "$work/valid.yaml" || die "the valid registry failed"
test -s "$work/out/synthetic.c" || die "no synthetic.c"

# An anchor on the fourth entry's reason: the loader refuses it and stops.
line=$(grep -n '^    reason: ' "$work/valid.yaml" | sed -n 4p | cut -d: -f1)
sed "${line}s/reason: /reason: \&early /" "$work/valid.yaml" >"$work/anchor.yaml"
"$regen" -o "$work/out" "$work/anchor.yaml" 2>"$work/anchor.err" && die "an anchor was accepted"
grep -q "anchor.yaml:$line:13: error: anchors are not allowed (found '&early')" "$work/anchor.err" ||
    die "anchor: $(cat "$work/anchor.err")"

# A quoted scalar left open on the last line.
printf '  - code: 1\n    reason: "never closed\n' >>"$work/valid.yaml"
last=$(wc -l <"$work/valid.yaml")
"$regen" -o "$work/out" "$work/valid.yaml" 2>"$work/end.err" && die "an open quote was accepted"
grep -q "valid.yaml:$last:13: error: while scanning a quoted scalar: found unexpected end of stream" \
    "$work/end.err" || die "open quote: $(cat "$work/end.err")"
test "$(wc -l <"$work/end.err")" -eq 1 || die "open quote: more than one error"
echo "ok: parsed ahead, a valid registry, an early refusal and a late parse error"
