#!/bin/sh
# tests/faults.sh REGEN PYTHON CHECK : regen under faults.
#   interrupted      SIGINT or SIGTERM while artifacts are being written:
#                    no temporary file left, every artifact complete (old or new)
#   concurrent       two regen writing one output directory at once: both
#                    succeed and every file is complete and correct
#   unwritable       an output directory that cannot be created: exit 2,
#                    a clear message, nothing written
set -u
regen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
python=$2
check=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
die() { echo "FAIL: $*"; exit 1; }

# A registry big enough that writing its artifacts takes a moment.
"$python" "$here/../bench/synthetic_registry.py" 20000 >"$work/big.yaml" || die "no registry"
"$regen" -o "$work/reference" "$work/big.yaml" || die "reference run failed"

temporaries() { find "$1" -name '.*' -type f | wc -l; }

interrupt_with() { # interrupt_with SIGNAL: signal regen once it has a temporary file
    rm -rf "$work/out"
    # A shell starts background jobs with SIGINT ignored, and regen rightly
    # keeps an ignored signal ignored: start it with the default disposition.
    "$python" -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$regen" -o "$work/out" "$work/big.yaml" 2>/dev/null &
    pid=$!
    tries=0
    while [ "$(find "$work/out" -name '.*' -type f 2>/dev/null | wc -l)" -eq 0 ]; do
        tries=$((tries + 1))
        [ $tries -lt 2000 ] || { kill $pid 2>/dev/null; die "regen never wrote a temporary file"; }
        kill -0 $pid 2>/dev/null || die "regen finished before it could be interrupted"
        sleep 0.005
    done
    kill -"$1" $pid
    wait $pid
    status=$?
    [ $status -gt 128 ] || die "after SIG$1 regen exited $status, not by the signal"
    [ "$(temporaries "$work/out")" -eq 0 ] || die "SIG$1 left temporary files: $(ls -a "$work/out")"
    for file in "$work/out"/*; do
        [ -e "$file" ] || continue
        cmp -s "$file" "$work/reference/$(basename "$file")" || die "SIG$1 left a partial $(basename "$file")"
    done
}

case $check in
interrupted)
    interrupt_with INT
    interrupt_with TERM ;;
concurrent)
    rm -rf "$work/out"
    "$regen" -o "$work/out" "$work/big.yaml" & first=$!
    "$regen" -o "$work/out" "$work/big.yaml" & second=$!
    wait $first || die "first concurrent run failed"
    wait $second || die "second concurrent run failed"
    diff -r "$work/reference" "$work/out" || die "concurrent runs left wrong files"
    [ "$(temporaries "$work/out")" -eq 0 ] || die "temporary files left" ;;
unwritable)
    # Even root cannot create a directory under /proc.
    "$regen" -o /proc/regen-test/out "$work/big.yaml" 2>"$work/stderr"
    status=$?
    [ $status -eq 2 ] || die "exit status $status, expected 2"
    grep -q "regen: error: cannot create directory '/proc/regen-test/out'" "$work/stderr" ||
        die "unclear message: $(cat "$work/stderr")" ;;
*) die "unknown check $check" ;;
esac
echo "ok: $check"
