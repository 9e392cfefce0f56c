#!/bin/sh
# tests/c/random.sh REGEN COUNT [--sparse] : a synthetic registry of COUNT
# random entries through regen and lookup_test (every key found in several
# casings, near misses and unknown codes refused).
set -u
regen=$1
count=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$PYTHON" "$here/../../bench/synthetic_registry.py" "$count" "$@" >"$work/registry.yaml" || exit 1
sh "$here/generated.sh" "$regen" "$work/registry.yaml" lookups
