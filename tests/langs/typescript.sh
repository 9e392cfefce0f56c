#!/bin/sh
# tests/langs/typescript.sh REGEN REGISTRY : the typescript set end to end. regen
# writes the module; tsc --strict compiles it alone (ES2015, the oldest target it
# claims, with the stricter options projects turn on); then the probe, compiled
# with it to CommonJS, checks under node every entry's data and lookups against
# the JSON artifact. Debian's own tsc and node, by absolute path.
set -u
regen=$1
registry=$2
here=$(cd "$(dirname "$0")" && pwd)
tsc=/usr/bin/tsc
node=/usr/bin/node
. "$here/common.sh"

generate typescript ts

# The module alone: strict, and no unused code, unchecked index or loose optional.
"$tsc" --strict --noEmit --target es2015 --noUnusedLocals --noUnusedParameters \
    --noImplicitReturns --noUncheckedIndexedAccess --exactOptionalPropertyTypes \
    --noPropertyAccessFromIndexSignature --isolatedModules "$module" ||
    { echo "FAIL: tsc rejects $name.ts"; exit 1; }

# The probe imports ./generated, whatever the registry's name.
mkdir "$work/src"
cp "$module" "$here/typescript/probe.ts" "$work/src/"
printf 'export * from "./%s";\n' "$name" >"$work/src/generated.ts"
"$tsc" --strict --target es2020 --module commonjs --preserveConstEnums \
    --outDir "$work/js" "$work/src"/*.ts || { echo "FAIL: tsc rejects the probe with $name.ts"; exit 1; }

"$regen" --render "$here/typescript/names.txt.tmpl" "$registry" >"$work/names.txt" ||
    { echo "FAIL: regen cannot render names.txt.tmpl"; exit 1; }
"$node" "$work/js/probe.js" "$work/out/$name.json" "$work/names.txt" "$module"
