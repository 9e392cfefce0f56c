#!/bin/sh
# tests/write_contract.sh REGEN CHECK : the write contract of SPEC.md.
set -u
regen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # absolute: some checks cd
check=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
cp "$here/cases/valid-minimal/registry.yaml" "$work/registry.yaml"
out=$work/out

die() { echo "FAIL: $*"; exit 1; }
snapshot() { (cd "$out" && ls -lA --time-style=+%s.%N . && cat ./*) ; }

"$regen" -o "$out" "$work/registry.yaml" || die "first run failed"
case $check in
unchanged-not-rewritten)
    touch -d '2001-01-01 00:00:00' "$out"/*
    before=$(snapshot)
    "$regen" -o "$out" "$work/registry.yaml" || die "second run failed"
    [ "$(snapshot)" = "$before" ] || die "an unchanged artifact was rewritten (mtime or bytes changed)" ;;
changed-is-rewritten)
    sed -i 's/description: Fine\./description: Changed./' "$work/registry.yaml"
    "$regen" -o "$out" "$work/registry.yaml" || die "second run failed"
    grep -q Changed "$out/demo.json" || die "changed artifact not rewritten" ;;
check-current)
    "$regen" --check -o "$out" "$work/registry.yaml" || die "--check on current output exited $?" ;;
check-stale)
    sed -i 's/description: Fine\./description: Changed./' "$work/registry.yaml"
    before=$(snapshot)
    "$regen" --check -o "$out" "$work/registry.yaml" 2>"$work/stderr"
    status=$?
    [ $status -eq 1 ] || die "--check on stale output exited $status, expected 1"
    grep -q "regen: $out/demo.json is stale" "$work/stderr" || die "stale artifact not named: $(cat "$work/stderr")"
    [ "$(snapshot)" = "$before" ] || die "--check wrote something" ;;
check-same-size-stale)
    # One byte changed, the size kept: only a comparison of the bytes sees it.
    sed -i 's/Fine\./Fine!/' "$out/demo.json"
    grep -q 'Fine!' "$out/demo.json" || die "setup: demo.json not changed"
    "$regen" --check -o "$out" "$work/registry.yaml" 2>"$work/stderr"
    status=$?
    [ $status -eq 1 ] || die "--check on a same-size change exited $status, expected 1"
    grep -q "regen: $out/demo.json is stale" "$work/stderr" || die "stale artifact not named: $(cat "$work/stderr")" ;;
check-missing)
    rm "$out/demo.json"
    "$regen" --check -o "$out" "$work/registry.yaml" 2>"$work/stderr"
    [ $? -eq 1 ] || die "--check with a missing artifact did not exit 1"
    [ "$(cat "$work/stderr")" = "regen: $out/demo.json is missing" ] ||
        die "missing artifact not named as missing: $(cat "$work/stderr")"
    [ ! -e "$out/demo.json" ] || die "--check wrote the missing artifact" ;;
invalid-leaves-output)
    before=$(snapshot)
    printf 'codes: [\n' >>"$work/registry.yaml"
    "$regen" -o "$out" "$work/registry.yaml" 2>/dev/null
    [ $? -eq 1 ] || die "invalid registry did not exit 1"
    [ "$(snapshot)" = "$before" ] || die "invalid registry touched the output" ;;
no-temporary-left)
    sed -i 's/description: Fine\./description: Changed./' "$work/registry.yaml"
    "$regen" -o "$out" "$work/registry.yaml" || die "second run failed"
    [ -z "$(find "$out" -name '.*' -type f)" ] || die "temporary file left: $(ls -a "$out")" ;;
large-changes-found)
    # Artifacts of several MiB are compared with the files in place a window
    # (64 KiB) at a time (gen/write.c). A late byte changed, a file cut
    # short, one grown by a byte and one changed at its first byte must all
    # be rewritten whole; the untouched one keeps its mtime.
    mkdir "$work/templates"
    for name in late short long first same; do
        for copy in $(seq 48); do printf '%s\n' "{{#codes}}{{{@json}}}{{/codes}} $name"; done \
            >"$work/templates/$name.txt.tmpl"
    done
    big="$here/../registry.yaml"
    "$regen" -t "$work/templates" -o "$work/reference" "$big" || die "reference run failed"
    [ "$(wc -c <"$work/reference/late.txt")" -gt 3000000 ] || die "artifacts too small for several windows"
    "$regen" -t "$work/templates" -o "$out" "$big" || die "first run failed"
    size=$(wc -c <"$out/late.txt")
    printf 'X' | dd of="$out/late.txt" bs=1 seek=$((size - 100)) conv=notrunc 2>/dev/null
    truncate -s $((size / 2 + 7)) "$out/short.txt"
    printf 'X' >>"$out/long.txt"
    printf 'X' | dd of="$out/first.txt" bs=1 conv=notrunc 2>/dev/null
    touch -d '2001-01-01 00:00:00' "$out"/*
    old=$(date -d '2001-01-01 00:00:00' +%s)
    "$regen" -t "$work/templates" -o "$out" "$big" || die "second run failed"
    for name in late short long first same; do
        cmp -s "$work/reference/$name.txt" "$out/$name.txt" || die "$name.txt is not what a fresh run writes"
    done
    for name in late short long first; do
        [ "$(stat -c %Y "$out/$name.txt")" != "$old" ] || die "$name.txt kept its old mtime"
    done
    [ "$(stat -c %Y "$out/same.txt")" = "$old" ] || die "same.txt was rewritten"
    [ -z "$(find "$out" -name '.*' -type f)" ] || die "temporary file left: $(ls -a "$out")" ;;
deterministic)
    # Same bytes whatever the locale, time zone or working directory.
    cp -r "$out" "$work/first"
    rm -r "$out"
    (cd / && LC_ALL=C.UTF-8 TZ=Asia/Tokyo "$regen" -o "$out" "$work/registry.yaml") || die "rerun failed"
    diff -r "$work/first" "$out" || die "output differs between runs" ;;
*) echo "unknown check $check"; exit 1 ;;
esac
echo "ok: $check"
