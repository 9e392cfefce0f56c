#!/bin/sh
# tests/langs/rust.sh REGEN REGISTRY : the Rust set for one registry. The
# module must build with Debian's rustc under -D warnings, as a library in
# the 2015 and 2021 editions, and the probe (rust/probe.rs) must find in it
# exactly what the JSON artifact says.
set -u
regen=$1 registry=$2
here=$(cd "$(dirname "$0")" && pwd)
rustc=/usr/bin/rustc python=/usr/bin/python3
[ -x "$rustc" ] || exec sh "$here/../skip.sh" "no $rustc"
[ -x "$python" ] || exec sh "$here/../skip.sh" "no $python"
. "$here/common.sh"

generate rust rs

# The module alone, as a user's crate would build it: every warning an error.
for edition in 2015 2021; do
    "$rustc" --edition "$edition" --crate-type lib --crate-name reg -D warnings \
        -o "$work/libreg$edition.rlib" "$module" 2>"$work/rustc.log" ||
        { cat "$work/rustc.log"; fail "$module does not build (edition $edition)"; }
done

# The probe: the registry's type names rendered by regen, the expectations
# from the JSON artifact (and the model, for which entry is primary).
"$regen" --render "$here/rust/glue.rs.tmpl" "$registry" >"$work/glue.rs" || fail "cannot render glue.rs.tmpl"
"$regen" --dump-model "$registry" >"$work/model.json" || fail "regen --dump-model failed"
"$python" "$here/rust/expect.py" "$json" "$work/model.json" >"$work/expect.txt" || fail "expect.py failed"
REGEN_GLUE=$work/glue.rs "$rustc" --edition 2021 -D warnings -o "$work/probe" \
    --extern reg="$work/libreg2021.rlib" "$here/rust/probe.rs" 2>"$work/rustc.log" ||
    { cat "$work/rustc.log"; fail "the probe does not build"; }
"$work/probe" "$work/expect.txt"
