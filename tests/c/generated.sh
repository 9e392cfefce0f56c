#!/bin/sh
# tests/c/generated.sh REGEN REGISTRY CHECK : the C that regen generates.
#   gcc, clang  the .c and .h compile at -std=c99 -Wall -Wextra -Wpedantic -Werror
#   gxx         the header compiles as C++17 (g++), with the same warnings
#   lookups     lookup_test passes (every entry, unknown codes, near misses)
#   strings     every string of the table equals the YAML's, byte for byte
#   markdown    NAME.md renders (cmark-gfm) to one table per class, a row per entry
#   json        NAME.json is valid against schema/artifact.schema.json
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
upper=$(echo "$name" | tr a-z A-Z)
warnings="-Wall -Wextra -Wpedantic -Werror"
defines="-DREG=$name -DREG_UPPER=$upper -DREG_HEADER=\"$name.h\""

case $check in
gcc | clang)
    $check -std=c99 $warnings -c "$work/$name.c" -o "$work/$name.o" || exit 1
    printf '#include "%s.h"\nint main(void) { return 0; }\n' "$name" >"$work/use.c"
    $check -std=c99 $warnings -I"$work" "$work/use.c" "$work/$name.o" -o "$work/use" || exit 1 ;;
gxx)
    printf '#include "%s.h"\nint main() { return %s_lookup(-1) != nullptr; }\n' "$name" "$name" >"$work/use.cpp"
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
markdown)
    "$PYTHON" "$here/../markdown_tables.py" "$CMARK_GFM" "$work/$name.md" "$work/$name.json" || exit 1 ;;
json)
    "$PYTHON" "$here/../validate_schema.py" "$here/../../schema/artifact.schema.json" \
        "$work/$name.json" || exit 1 ;;
*) echo "unknown check $check"; exit 1 ;;
esac
echo "ok: $check"
