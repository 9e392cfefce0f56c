#!/bin/sh
# tests/downstream/man_options.sh REGEN MAN_SOURCE : every option of
# `regen --help` is documented in the man page's source (as *--option*).
set -u
options=$("$1" --help | grep -o -- '--[a-z][a-z-]*\|-[a-zA-Z]\b' | sort -u)
[ -n "$options" ] || { echo "FAIL: no option found in regen --help"; exit 1; }
status=0
for option in $options; do
    grep -q -- "\*$option\*" "$2" || { echo "FAIL: $option is not in $2"; status=1; }
done
exit $status
