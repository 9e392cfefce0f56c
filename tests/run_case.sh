#!/bin/sh
# Runs one golden case: tests/run_case.sh REGEN CASE_DIR
#
# A case directory holds registry.yaml and what must come out of it:
#   expected-errors  the exact standard error (regen must exit 1, unless
#                    expected-exit says otherwise, and write nothing), or
#   expected/        the artifacts the case is about, each compared byte
#                    for byte (a case about an input quirk pins only the
#                    JSON artifact; a few cases pin every artifact).
# Optional: args (extra command-line arguments, one line, split on spaces);
#   expected-listing, the names of all the artifacts written, one per line.
# regen runs inside the case directory, so messages name "registry.yaml".
set -u
regen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # absolute: we cd below
case_dir=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$case_dir" || exit 1
args=""
[ -f args ] && args=$(cat args)
# shellcheck disable=SC2086 # args is split on purpose
"$regen" $args -o "$work/out" registry.yaml >"$work/stdout" 2>"$work/stderr"
status=$?

failed=0
complain() {
    echo "FAIL: $*"
    failed=1
}

if [ -f expected-errors ]; then
    want_status=1
    [ -f expected-exit ] && want_status=$(cat expected-exit)
    [ "$status" -eq "$want_status" ] || complain "exit status $status, expected $want_status"
    if ! cmp -s expected-errors "$work/stderr"; then
        complain "standard error differs from expected-errors:"
        diff -u expected-errors "$work/stderr"
    fi
    if [ -e "$work/out" ]; then
        complain "an invalid registry wrote output:"
        ls -la "$work/out"
    fi
elif [ -d expected ]; then
    [ "$status" -eq 0 ] || complain "exit status $status, expected 0"
    [ -s "$work/stderr" ] && complain "unexpected standard error:" && cat "$work/stderr"
    for want in expected/*; do
        got=$work/out/$(basename "$want")
        if [ ! -f "$got" ]; then
            complain "no artifact $(basename "$want")"
        elif ! cmp -s "$want" "$got"; then
            complain "$(basename "$want") differs from expected:"
            diff -u "$want" "$got" | head -40
        fi
    done
else
    complain "case has neither expected-errors nor expected/"
fi
if [ -f expected-listing ] && [ "$status" -eq 0 ]; then
    ls "$work/out" >"$work/listing"
    cmp -s expected-listing "$work/listing" ||
        { complain "the artifacts written differ from expected-listing:"; diff -u expected-listing "$work/listing"; }
fi
exit $failed
