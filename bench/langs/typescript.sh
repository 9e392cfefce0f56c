#!/bin/sh
# bench/langs/typescript.sh REGEN : generates the shipped registry's TypeScript
# module into a temporary directory, compiles it with bench/langs/typescript.ts
# (Debian's tsc, to CommonJS) and times its lookups against hand-written ones
# under Debian's node, printing one line per lookup.
set -u
regen=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$regen" --lang typescript -o "$work" "$here/../../registry.yaml" || exit 1
cp "$here/typescript.ts" "$work/bench.ts"
/usr/bin/tsc --strict --target es2020 --module commonjs --outDir "$work/js" \
    "$work/http_status.ts" "$work/bench.ts" || exit 1
/usr/bin/node "$work/js/bench.js"
