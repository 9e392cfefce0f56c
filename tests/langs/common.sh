# tests/langs/common.sh, sourced by tests/langs/LANG.sh: what every
# language's test does first. Sets work (a temporary directory, removed on
# exit), defines fail, and generate LANG EXT: regen --lang LANG into
# $work/out, which must then hold exactly one .EXT artifact, module, named
# name, with its JSON artifact, json, beside it.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "FAIL: $*"
    exit 1
}

generate() {
    "$regen" --lang "$1" -o "$work/out" "$registry" || fail "regen --lang $1 exited $?"
    set -- "$work/out"/*."$2" "$2"
    [ $# -eq 2 ] && [ -f "$1" ] || fail "expected one .$2 artifact, got: $(ls "$work/out")"
    module=$1
    name=$(basename "$module" ".$2")
    json=$work/out/$name.json
    [ -f "$json" ] || fail "no $name.json beside $name.$2"
}
