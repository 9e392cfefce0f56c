#!/bin/sh
# tests/c/generated.sh REGEN REGISTRY CHECK : the C that regen generates.
#   gcc, clang  the .c and .h compile at -std=c99 -Wall -Wextra -Wpedantic -Werror,
#               and more: gcc with -Wcast-align=strict, clang with -Weverything
#               but -Wpadded (README, "The generated C API", says why)
#   gxx         the header compiles as C++17 (g++), with the same warnings
#   lookups     lookup_test passes (every entry, unknown codes, near misses)
#   phrases     from_reason finds every phrase of the JSON artifact (reason,
#               former phrases, other spellings) in three cases (phrases.py)
#   strings     every string of the table equals the YAML's, byte for byte
#   markdown    NAME.md renders (cmark-gfm) to one table per class, a row per entry
#   json        NAME.json is valid against schema/artifact.schema.json
#   layout      the .c and .h stay within 100 columns, consistently indented
#               (layout.py)
# The generated C's other paths, each running lookup_test:
#   no-int128   the portable 64x64-bit multiply (-DREGEN_NO_INT128)
#   tcc         built by a second, small C compiler (Debian: tcc)
#   s390x       cross-built for big-endian s390x, the byte-wise loads, and run
#               under qemu-user (Debian: gcc-s390x-linux-gnu, qemu-user)
#   (tcc and s390x are skipped, saying why, where those are missing)
# Environment: PYTHON (with jsonschema and yaml), CMARK_GFM, and CFLAGS/LDFLAGS
# for the lookup test (the sanitizer build passes -fsanitize=...).
set -u
regen=$1
registry=$2
check=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$regen" -o "$work" "$registry" || { echo "FAIL: regen failed"; exit 1; }
header=$(cd "$work" && ls ./*.h)
name=$(basename "$header" .h)
# The C prefix (registry.prefix, or the name upper-cased), from the include guard.
upper=$(sed -n 's/^#ifndef \([A-Z0-9_]*\)_H$/\1/p' "$work/$name.h" | head -n 1)
prefix=$(echo "$upper" | tr A-Z a-z)
warnings="-Wall -Wextra -Wpedantic -Werror"
defines="-DREG=$prefix -DREG_UPPER=$upper -DREG_HEADER=\"$name.h\""

case $check in
gcc | clang)
    more="-Wcast-align=strict"
    [ "$check" = clang ] && more="-Weverything -Wno-padded"
    # shellcheck disable=SC2086 # warnings and more are lists
    $check -std=c99 $warnings $more -c "$work/$name.c" -o "$work/$name.o" || exit 1
    printf '#include "%s.h"\nint main(void) { return %s_lookup(0) == 0; }\n' "$name" "$prefix" \
        >"$work/use.c"
    # shellcheck disable=SC2086
    $check -std=c99 $warnings $more -I"$work" "$work/use.c" "$work/$name.o" -o "$work/use" ||
        exit 1 ;;
gxx)
    printf '#include "%s.h"\nint main() { return %s_lookup(0) == nullptr && false; }\n' \
        "$name" "$prefix" >"$work/use.cpp"
    gcc -std=c99 $warnings -c "$work/$name.c" -o "$work/$name.o" || exit 1
    g++ -std=c++17 $warnings -I"$work" "$work/use.cpp" "$work/$name.o" -o "$work/use" || exit 1
    "$work/use" || { echo "FAIL: the C++ program did not run"; exit 1; } ;;
lookups | strings)
    # shellcheck disable=SC2086 # defines and warnings are lists
    cc -std=c99 $warnings $defines ${CFLAGS:-} -I"$work" "$here/lookup_test.c" "$work/$name.c" \
        -o "$work/lookup_test" ${LDFLAGS:-} || exit 1
    if [ "$check" = lookups ]; then
        "$work/lookup_test" || exit 1
    else
        "$work/lookup_test" strings >"$work/from-c" || exit 1
        "$PYTHON" "$here/registry_strings.py" "$registry" >"$work/from-yaml" || exit 1
        cmp "$work/from-yaml" "$work/from-c" || { diff "$work/from-yaml" "$work/from-c" | head -20; exit 1; }
    fi ;;
no-int128)
    # shellcheck disable=SC2086 # defines and warnings are lists
    cc -std=c99 $warnings $defines -DREGEN_NO_INT128 ${CFLAGS:-} -I"$work" "$here/lookup_test.c" \
        "$work/$name.c" -o "$work/lookup_test" ${LDFLAGS:-} || exit 1
    "$work/lookup_test" || exit 1 ;;
tcc)
    command -v tcc >/dev/null || { echo "SKIP: tcc is not installed (Debian: tcc)"; exit 77; }
    # shellcheck disable=SC2086 # defines is a list
    tcc -std=c99 -Wall -Werror $defines -I"$work" "$here/lookup_test.c" "$work/$name.c" \
        -o "$work/lookup_test" || exit 1
    "$work/lookup_test" || exit 1 ;;
s390x)
    for tool in s390x-linux-gnu-gcc qemu-s390x; do
        command -v $tool >/dev/null ||
            { echo "SKIP: $tool is not installed (Debian: gcc-s390x-linux-gnu, qemu-user)"; exit 77; }
    done
    # shellcheck disable=SC2086 # defines and warnings are lists
    s390x-linux-gnu-gcc -std=c99 $warnings -O2 -static $defines -I"$work" "$here/lookup_test.c" \
        "$work/$name.c" -o "$work/lookup_test" || exit 1
    printf '#include "%s.h"\nint big_endian[__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__ ? 1 : -1];\n' \
        "$name" >"$work/endian.c"
    s390x-linux-gnu-gcc -std=c99 -I"$work" -c "$work/endian.c" -o "$work/endian.o" ||
        { echo "FAIL: the s390x compiler does not build for a big-endian machine"; exit 1; }
    qemu-s390x "$work/lookup_test" || exit 1 ;;
phrases)
    # shellcheck disable=SC2086 # warnings is a list
    "$PYTHON" "$here/phrases.py" "$work/$name.json" "$prefix" "$name.h" >"$work/phrases.c" &&
        cc -std=c99 $warnings ${CFLAGS:-} -I"$work" "$work/phrases.c" "$work/$name.c" \
            -o "$work/phrases" ${LDFLAGS:-} && "$work/phrases" || exit 1 ;;
layout)
    "$PYTHON" "$here/layout.py" "$work/$name.c" "$work/$name.h" || exit 1 ;;
markdown)
    "$PYTHON" "$here/../markdown_tables.py" "$CMARK_GFM" "$work/$name.md" "$work/$name.json" || exit 1 ;;
json)
    "$PYTHON" "$here/../validate_schema.py" "$here/../../schema/artifact.schema.json" \
        "$work/$name.json" || exit 1 ;;
*) echo "unknown check $check"; exit 1 ;;
esac
echo "ok: $check"
