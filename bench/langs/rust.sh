#!/bin/sh
# bench/langs/rust.sh REGEN : times the generated Rust lookups of the shipped
# registry against a hand-written linear scan (bench/langs/rust.rs), built
# with -C opt-level=3 by Debian's rustc. Prints one line per lookup.
set -eu
regen=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$regen" --lang rust -o "$work/out" "$here/../../registry.yaml"
REGEN_MODULE=$work/out/http_status.rs /usr/bin/rustc --edition 2021 -C opt-level=3 \
    -o "$work/bench" "$here/rust.rs"
"$work/bench"
