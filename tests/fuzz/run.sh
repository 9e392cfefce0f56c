#!/bin/sh
# tests/fuzz/run.sh SECONDS [BUILD_DIR] : builds the libFuzzer harnesses (clang,
# -Dfuzz=true, in BUILD_DIR, default build-fuzz) and runs each for SECONDS,
# starting from the committed seeds (a scratch corpus grows in a temp dir).
# A crash stops it with the reproducer's path; exit 0 means none was found.
set -u
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [BUILD_DIR]}
cd "$(dirname "$0")/../.." || exit 2
build=${2:-build-fuzz}
if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" -Dfuzz=true -Dman=disabled >/dev/null || exit 2
fi
ninja -C "$build" tests/fuzz_pipeline tests/fuzz_lookups tests/fuzz_template >/dev/null || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for harness in pipeline lookups template; do
    mkdir -p "$work/$harness" "$work/crashes-$harness"
    cp tests/fuzz/seeds-$harness/* "$work/$harness/"
    echo "fuzz: $harness for $seconds s"
    "$build/tests/fuzz_$harness" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/crashes-$harness/" \
        "$work/$harness" >"$work/$harness.log" 2>&1
    result=$?
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$work/$harness.log" |
        sed "s/^/fuzz: $harness: /"
    if [ $result -ne 0 ]; then
        echo "fuzz: $harness FOUND A CRASH:"
        tail -n 40 "$work/$harness.log"
        mkdir -p tests/fuzz/crashes && cp "$work/crashes-$harness"/* tests/fuzz/crashes/ 2>/dev/null
        echo "fuzz: reproducer(s) copied to tests/fuzz/crashes/"
        status=1
    fi
done
exit $status
