#!/bin/sh
# tests/downstream/consumer.sh KIND SOURCE [REGEN] : builds the consumer
# project tests/downstream/KIND (meson, cmake or make) in a temporary
# directory and checks, on real builds:
#   - the program prints expected.txt;
#   - a second build does no work;
#   - after a touch of the registry, regen runs again and nothing is
#     recompiled (its artifacts keep their bytes and mtime); with ninja
#     (meson, CMake) the next build does no work again (restat);
#   - after an edit of the registry, the program prints the new phrase;
#   - (meson, cmake) after an edit of the consumer's own template, the
#     artifact it writes changes (the depfile names the template).
# The meson consumer builds regen itself, cloned by its wrap-git from a git
# repository of the working tree SOURCE; the others use REGEN, the regen of
# this build.
set -u
kind=$1
source=$2
regen=${3:-}
[ -z "$regen" ] || regen=$(cd "$(dirname "$regen")" && pwd)/$(basename "$regen") # make -C, cmake
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
app=$work/app build=$work/build log=$work/log

fail() {
    echo "FAIL ($kind): $*"
    [ -s "$log" ] && { echo "--- last build output:"; cat "$log"; }
    exit 1
}

copy_source() { # a tar stream of SOURCE's files: git's view when it has one
    if git -C "$source" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        # shellcheck disable=SC2016 # the inner sh expands $f
        (cd "$source" && git ls-files --cached --others --exclude-standard -z |
            xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\n" "$f"; done' sh |
            tar -cf - -T -)
    else
        tar -cf - -C "$source" --exclude=./.git --exclude='./build*' --exclude=./builddir .
    fi
}

cp -R "$here/$kind/." "$app"
case $kind in
meson)
    registry=$app/app_error.yaml names=$build/app_error_names.txt
    program=$build/app template=$app/templates/NAME_names.txt.tmpl
    # The working tree, uncommitted changes included, without build trees,
    # as a git repository that the wrap clones (the README's recipe).
    upstream=$work/upstream
    mkdir -p "$upstream"
    copy_source | tar -xf - -C "$upstream" || fail "cannot copy $source"
    (cd "$upstream" && git init -q -b main && git add -A &&
        git -c user.name=test -c user.email=test@example.com commit -q -m snapshot) ||
        fail "cannot make the upstream repository"
    sed "s|@UPSTREAM@|file://$upstream|" "$here/meson/subprojects/regen.wrap" \
        >"$app/subprojects/regen.wrap"
    meson setup "$build" "$app" >"$log" 2>&1 || fail "meson setup failed (the wrap)"
    [ -f "$app/subprojects/regen/meson.build" ] || fail "the wrap did not clone regen"
    ;;
cmake)
    registry=$app/sensor_fault.yaml names=$build/gen/names/sensor_fault_names.txt
    program=$build/app template=$app/templates/NAME_names.txt.tmpl
    cmake -G Ninja -S "$app" -B "$build" -DREGEN="$regen" >"$log" 2>&1 || fail "cmake failed"
    ;;
make)
    registry=$app/job_state.yaml names="" program=$app/app template=""
    ;;
*) fail "unknown consumer" ;;
esac

run_build() { # the build, its output in $log
    case $kind in
    make) make -C "$app" REGEN="$regen" >"$log" 2>&1 ;;
    *) ninja -C "$build" >"$log" 2>&1 ;;
    esac || fail "the build failed"
}
expect_no_work() { # $1: when
    case $kind in
    make) make -q -C "$app" REGEN="$regen" >"$log" 2>&1 || fail "$1: make -q: not up to date" ;;
    *)
        run_build
        grep -q "^ninja: no work to do" "$log" || fail "$1: the build did some work"
        ;;
    esac
}
newer() { # newer FILE REFERENCE: touch FILE until its mtime is past REFERENCE's
    touch "$1"
    [ -n "$(find "$1" -newer "$2")" ] || { sleep 1 && touch "$1"; }
}

run_build
"$program" >"$work/output" 2>&1 || fail "the program failed"
diff -u "$app/expected.txt" "$work/output" || fail "unexpected program output"
expect_no_work "second build"

# Touch: regen runs again but leaves its artifacts, so nothing recompiles.
before=$(ls -l --time-style=+%s.%N "$program")
newer "$registry" "$program"
run_build
grep -q -- "regen\|Generating app_error" "$log" || fail "touch: regen did not run again"
if grep -q -- " -c \|Compiling\|Building\|Linking" "$log"; then fail "touch: something was recompiled"; fi
[ "$(ls -l --time-style=+%s.%N "$program")" = "$before" ] || fail "touch: the program was relinked"
[ "$kind" = make ] || expect_no_work "build after touch" # Make has no restat

# Edit: a new phrase reaches the program.
sed 's/reason: \(Backend Down\|Sensor Offline\|Failed\)$/reason: \1 Today/' "$registry" >"$work/edited"
cat "$work/edited" >"$registry"
run_build
"$program" >"$work/output" 2>&1 || fail "edit: the program failed"
grep -q " Today$" "$work/output" || { cat "$work/output"; fail "edit: the new phrase is not in the output"; }

# A template of the consumer's own, known to the build only through the depfile.
if [ -n "$template" ]; then
    grep -q "^[0-9][0-9]* [A-Z]" "$names" || fail "names: no entry in $names"
    printf '{{#codes}}\n<{{code}}>\n{{/codes}}\n' >"$template"
    run_build
    grep -q "^<[0-9]*>$" "$names" || fail "template edit: $names was not regenerated"
    expect_no_work "build after template edit"
fi
echo "ok: $kind consumer"
