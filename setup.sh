#!/bin/sh
# Sets regen up on Debian 12 and runs the main job: installs the Debian
# packages it needs (when missing), builds into build/, and regenerates out/
# from registry.yaml. Safe to run again: each step is skipped when done.
set -eu
cd "$(dirname "$0")"

# Build: compiler, meson, libyaml, Jansson, mimalloc (the model's allocator,
# gen/allocator.c). Tests: python3-jsonschema and python3-yaml (schema), clang
# and g++ (generated C under several compilers), cmark-gfm (Markdown
# rendering), clang-format (style check), cmake, make and git (the downstream
# consumers). scdoc builds the man page regen(1).
# valgrind (the -Dvalgrind suite) and libclang-rt-dev (libFuzzer, -Dfuzz).
# tcc, gcc-s390x-linux-gnu with its C library and qemu-user: the generated C
# built by a second compiler and run big-endian (tests/c/generated.sh).
# chromium, chromium-driver and python3-selenium: the HTML page tested in a
# real browser (tests/browser/page_test.py). nodejs, node-typescript, mypy,
# rustc and golang-go: the string-literal escapes checked by each language
# (tests/literals/) and the shipped language sets built by each toolchain
# (tests/langs/).
packages="gcc g++ clang clang-format meson ninja-build pkg-config libyaml-dev libjansson-dev libmimalloc-dev
python3 python3-jsonschema python3-yaml cmark-gfm cmake make git scdoc valgrind libclang-rt-dev
tcc gcc-s390x-linux-gnu libc6-dev-s390x-cross qemu-user chromium chromium-driver python3-selenium
nodejs node-typescript mypy rustc golang-go"

missing=""
for package in $packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $package"
done
if [ -n "$missing" ]; then
    echo "setup: installing$missing"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -q
    # shellcheck disable=SC2086 # one word per package
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q $missing
fi

[ -f build/build.ninja ] || meson setup build
meson compile -C build
./build/regen --lang all
echo "setup: done; out/ is regenerated from registry.yaml. Run the tests: meson test -C build"
