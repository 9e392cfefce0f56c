#!/bin/sh
# tests/faults.sh REGEN PYTHON CHECK : regen under faults.
#   interrupted      SIGINT, SIGTERM or SIGHUP while artifacts are being written:
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
    # Temporary files live only while regen writes, after rendering: poll
    # for one without sleeping, signal at once, and start over (up to 20
    # runs) when regen was done before a poll saw one. A shell starts
    # background jobs with SIGINT ignored, and regen rightly keeps an
    # ignored signal ignored: Python starts it with the default disposition.
    rm -rf "$work/out"
    "$python" - "$1" "$work/out" "$regen" -o "$work/out" "$work/big.yaml" <<'PYTHON' || die "SIG$1: $(cat "$work/why")"
import os, shutil, signal, subprocess, sys
name, out, command = sys.argv[1], sys.argv[2], sys.argv[3:]
number = getattr(signal, "SIG" + name)
def restore():
    signal.signal(signal.SIGINT, signal.SIG_DFL)
for attempt in range(20):
    shutil.rmtree(out, ignore_errors=True)
    regen = subprocess.Popen(command, preexec_fn=restore, stderr=subprocess.DEVNULL)
    while regen.poll() is None:
        try:
            seen = any(entry.startswith(".") for entry in os.listdir(out))
        except FileNotFoundError:
            seen = False
        if seen:
            regen.send_signal(number)
            status = regen.wait()
            if status != -number:
                open(os.path.dirname(out) + "/why", "w").write(f"regen exited {status}, not by the signal")
                sys.exit(1)
            sys.exit(0)
open(os.path.dirname(out) + "/why", "w").write("regen always finished before a temporary file was seen")
sys.exit(1)
PYTHON
    [ "$(temporaries "$work/out")" -eq 0 ] || die "SIG$1 left temporary files: $(ls -a "$work/out")"
    for file in "$work/out"/*; do
        [ -e "$file" ] || continue
        cmp -s "$file" "$work/reference/$(basename "$file")" || die "SIG$1 left a partial $(basename "$file")"
    done
}

case $check in
interrupted)
    interrupt_with INT
    interrupt_with TERM
    interrupt_with HUP ;;
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
