#!/bin/sh
# tests/limits.sh REGEN PEAK PYTHON CHECK : pathological registries are refused
# with a clear, located error and exit 1, in bounded memory (under 256 MiB,
# measured by bench/peak.c) and without hanging (a generous 60 s timeout, a
# hang detector, not a speed target).
set -u
absolute() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; } # we cd below
regen=$(absolute "$1")
peak=$(absolute "$2")
python=$3
check=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
die() { echo "FAIL: $*"; exit 1; }

# HEAD is a valid registry up to "codes:"; each check appends its poison.
"$python" - "$work" "$check" <<'PY' || die "could not write the input"
import sys
work, check = sys.argv[1], sys.argv[2]
head = """schema: 1
registry:
  name: demo
  title: Demo
  description: Limits.
  min: 100
  max: 299
  classes:
    - {name: first, title: First, min: 100, max: 199}
    - {name: second, title: Second, min: 200, max: 299}
"""
poison = {
    # a billion laughs: each list repeats the previous one ten times
    "alias-bomb": "laughs:\n  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"  - &l{i} [{', '.join(['*l%d' % (i - 1)] * 10)}]\n" for i in range(1, 10))
        + "codes: []\n",
    "deep-nesting": "codes: " + "[" * 10000 + "]" * 10000 + "\n",
    "huge-string": "codes:\n  - {code: 100, reason: \"" + "x" * 20_000_000 + "\", status: standard, description: d}\n",
    "two-million-codes": "codes: [" + ",".join(["100"] * 2_000_000) + "]\n",
}[check]
open(f"{work}/registry.yaml", "w").write(head + poison)
PY

expected=""
case $check in
alias-bomb) expected="error: anchors are not allowed (found '&l0')" ;;
deep-nesting) expected="error: nesting is deeper than 64 levels (the limit)" ;;
huge-string) expected="registry.yaml: error: file is larger than 16777216 bytes (the limit; see --max-bytes)" ;;
two-million-codes) expected="error: list has more than 1000000 items (the limit)" ;;
*) die "unknown check $check" ;;
esac

cd "$work" || exit 1
timeout 60 "$peak" "$regen" -o out registry.yaml >"$work/measure" 2>"$work/stderr"
status=$?
[ $status -eq 1 ] || die "exit status $status, expected 1: $(head -c 300 "$work/stderr")"
grep -qF -- "$expected" "$work/stderr" || die "missing '$expected' in: $(head -c 300 "$work/stderr")"
[ ! -e out ] || die "output written"
kibibytes=$(cut -d' ' -f2 "$work/measure")
# Under AddressSanitizer memory use triples: the bound is the real binary's.
if [ -z "${LIMITS_SANITIZED:-}" ]; then
    [ "$kibibytes" -lt 262144 ] || die "peak memory ${kibibytes} KiB, over 256 MiB"
else
    echo "(sanitized build: peak memory not bounded)"
fi
echo "ok: $check ($(cut -d' ' -f1 "$work/measure") ms, $kibibytes KiB)"
