#!/bin/sh
# The generated lookups of each shipped language, timed against the obvious
# hand-written alternative in the same run (bench/langs/LANG.sh prints one
# line per lookup). Prints numbers; asserts nothing.
#
# usage: sh bench/langs.sh [REGEN]      (default build/regen; needs each
# language's toolchain: /usr/bin/python3, /usr/bin/tsc and node, /usr/bin/rustc,
# /usr/bin/go, which setup.sh installs)
set -u
cd "$(dirname "$0")/.."
regen=$(cd "$(dirname "${1:-build/regen}")" && pwd)/$(basename "${1:-build/regen}")
status=0
for lang in python typescript rust go; do
    if [ -f "bench/langs/$lang.sh" ]; then
        sh "bench/langs/$lang.sh" "$regen" || { echo "$lang: the benchmark failed"; status=1; }
    fi
done
exit $status
