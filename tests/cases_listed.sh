#!/bin/sh
# tests/cases_listed.sh CASES_DIR NAME... : fails when a case directory is not
# among NAME (so it would never run) or a NAME has no directory.
set -u
dir=$1
shift
status=0
for name in "$@"; do
    [ -d "$dir/$name" ] || { echo "listed but missing: $name"; status=1; }
done
for path in "$dir"/*/; do
    name=$(basename "$path")
    found=0
    for listed in "$@"; do
        [ "$listed" = "$name" ] && found=1
    done
    [ $found -eq 1 ] || { echo "not listed in tests/meson.build: $name"; status=1; }
done
exit $status
