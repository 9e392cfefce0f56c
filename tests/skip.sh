#!/bin/sh
# tests/skip.sh WHY : a test whose tools are missing (-Dtests=auto). Says why,
# and exits 77, which meson counts as skipped.
echo "SKIP: $*"
exit 77
