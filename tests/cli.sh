#!/bin/sh
# tests/cli.sh REGEN CHECK : one command-line behaviour per CHECK.
set -u
regen=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # absolute: some checks cd
check=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
valid=$here/cases/valid-minimal/registry.yaml

expect() { # expect STATUS OUTPUT-PATTERN COMMAND...
    want=$1 pattern=$2
    shift 2
    "$@" >"$work/output" 2>&1
    got=$?
    [ "$got" -eq "$want" ] || { echo "FAIL: '$*' exited $got, expected $want"; cat "$work/output"; exit 1; }
    [ -z "$pattern" ] || grep -q -- "$pattern" "$work/output" || { echo "FAIL: '$*' output lacks '$pattern':"; cat "$work/output"; exit 1; }
}

case $check in
help) expect 0 "usage: regen" "$regen" --help ;;
version) expect 0 "^regen [0-9]" "$regen" --version ;;
unknown-option)
    # regen names itself "regen", not by the path it was run as, then the usage.
    expect 2 "usage: regen" "$regen" --frobnicate
    [ "$(head -1 "$work/output")" = "regen: error: unrecognized option '--frobnicate'" ] ||
        { echo "FAIL: first line: $(head -1 "$work/output")"; exit 1; }
    expect 2 "^regen: error: unrecognized option '-q'$" "$regen" -q
    expect 2 "^regen: error: option '--output' needs a value$" "$regen" --output ;;
two-registries) expect 2 "more than one registry" "$regen" "$valid" "$valid" ;;
missing-registry) expect 2 "regen: error: cannot read '$work/nope.yaml': No such file" "$regen" -o "$work/out" "$work/nope.yaml" ;;
bad-max-bytes) expect 2 "needs a number of bytes" "$regen" --max-bytes 12k "$valid" ;;
default-registry)
    # No argument: ./registry.yaml, output to ./out.
    cp "$valid" "$work/registry.yaml"
    (cd "$work" && expect 0 "" "$regen")
    [ -f "$work/out/demo.json" ] || { echo "FAIL: out/demo.json not written"; exit 1; } ;;
output-beside-registry)
    mkdir -p "$work/sub" && cp "$valid" "$work/sub/registry.yaml"
    expect 0 "" "$regen" "$work/sub/registry.yaml"
    [ -f "$work/sub/out/demo.json" ] || { echo "FAIL: sub/out/demo.json not written"; exit 1; } ;;
output-not-writable)
    : >"$work/file"
    expect 2 "regen: error: cannot create directory '$work/file/out'" "$regen" -o "$work/file/out" "$valid" ;;
dump-model)
    # The model with its _ keys, on standard output; nothing written.
    expect 0 '"_prefix": "DEMO"' "$regen" --dump-model -o "$work/out" "$valid"
    grep -q '"_anchor": "100-continue"' "$work/output" || { echo "FAIL: no entry's _anchor"; exit 1; }
    grep -q '"_status_is": {' "$work/output" || { echo "FAIL: no _status_is"; exit 1; }
    [ ! -e "$work/out" ] || { echo "FAIL: --dump-model wrote $work/out"; exit 1; } ;;
render-json)
    # One template against a JSON value, unchecked, with the partials beside
    # it, escaped for its output (.md), to standard output; nothing written.
    mkdir -p "$work/t" && printf '{{> head}}{{#items}}- {{name | pascal}}\n{{/items}}' >"$work/t/list.md.tmpl"
    printf '# {{title}}\n' >"$work/t/head.partial"
    printf '{"title": "T *x*", "items": [{"name": "not_found"}, {"name": "ok"}]}' >"$work/m.json"
    (cd "$work" && expect 0 "" "$regen" --render t/list.md.tmpl m.json)
    printf '# T \\*x\\*\n- NotFound\n- Ok\n' >"$work/want"
    cmp "$work/want" "$work/output" || { echo "FAIL: rendered:"; cat "$work/output"; exit 1; }
    [ "$(ls "$work")" = "$(printf 'm.json\noutput\nt\nwant')" ] || { echo "FAIL: wrote $(ls "$work")"; exit 1; }
    # Unchecked, a name the value lacks is an error while rendering.
    printf '{{nope}}' >"$work/t/nope.txt.tmpl"
    (cd "$work" && expect 1 "^t/nope.txt.tmpl:1:1: error: unknown name 'nope' (not in the model)$" "$regen" --render t/nope.txt.tmpl m.json)
    printf '{"title": 1,' >"$work/bad.json"
    (cd "$work" && expect 1 "^bad.json:1:12: error: " "$regen" --render t/list.md.tmpl bad.json) ;;
render-registry)
    # Against a registry's model, the template is checked first.
    mkdir -p "$work/t" && printf '{{#codes}}{{code}}\n{{/codes}}' >"$work/t/a.txt.tmpl"
    printf '{{#codes}}{{origin}}{{/codes}}' >"$work/t/b.txt.tmpl"
    expect 0 "" "$regen" --render "$work/t/a.txt.tmpl" "$valid"
    [ "$(cat "$work/output")" = "$(printf '100\n200')" ] || { echo "FAIL: rendered:"; cat "$work/output"; exit 1; }
    expect 1 "b.txt.tmpl:1:11: error: 'origin' may be absent" "$regen" --render "$work/t/b.txt.tmpl" "$valid"
    expect 2 "not a template" "$regen" --render "$work/t/a.txt" "$valid"
    expect 2 "not -t" "$regen" --render "$work/t/a.txt.tmpl" -t "$work/t" "$valid" ;;
list-langs)
    # One line per built-in language, c among them.
    expect 0 "^c$" "$regen" --list-langs ;;
lang-choice)
    # --lang c is the default; an unknown language or -t with --lang is a usage error.
    expect 0 "" "$regen" --lang c -o "$work/out" "$valid"
    [ "$(ls "$work/out" | tr '\n' ' ')" = "demo.c demo.h demo.html demo.json demo.md " ] ||
        { echo "FAIL: --lang c wrote $(ls "$work/out")"; exit 1; }
    expect 2 "no language 'cobol' (regen --list-langs lists them)" "$regen" --lang cobol -o "$work/x" "$valid"
    [ ! -e "$work/x" ] || { echo "FAIL: an unknown language wrote output"; exit 1; }
    expect 2 "give it or --lang, not both" "$regen" --lang c -t "$work" "$valid" ;;
depfile-builtin)
    # Built-in templates are part of regen itself: only the registry is read.
    expect 0 "" "$regen" -o "$work/out" --depfile "$work/deps.d" "$valid"
    printf '%s\n' "$work/out/demo.c $work/out/demo.h $work/out/demo.html $work/out/demo.json $work/out/demo.md: $valid" >"$work/want"
    cmp "$work/want" "$work/deps.d" || { echo "FAIL: depfile:"; cat "$work/deps.d"; exit 1; } ;;
depfile-templates)
    mkdir -p "$work/my templates" && printf 'x\n' >"$work/my templates/NAME.txt.tmpl"
    cp "$valid" "$work/registry.yaml"
    (cd "$work" && expect 0 "" "$regen" -t "my templates" -o out --depfile deps.d registry.yaml)
    printf '%s\n' 'out/demo.txt: registry.yaml my\ templates my\ templates/NAME.txt.tmpl' >"$work/want"
    cmp "$work/want" "$work/deps.d" || { echo "FAIL: depfile:"; cat "$work/deps.d"; exit 1; } ;;
depfile-partials)
    # A partial read is an input too; it is never an artifact itself.
    mkdir -p "$work/t" && printf '{{> head}}x\n' >"$work/t/NAME.txt.tmpl"
    printf '# {{registry.name}}\n' >"$work/t/head.partial"
    cp "$valid" "$work/registry.yaml"
    (cd "$work" && expect 0 "" "$regen" -t t -o out --depfile deps.d registry.yaml)
    printf '%s\n' 'out/demo.txt: registry.yaml t t/NAME.txt.tmpl t/head.partial' >"$work/want"
    cmp "$work/want" "$work/deps.d" || { echo "FAIL: depfile:"; cat "$work/deps.d"; exit 1; }
    [ "$(ls "$work/out")" = "demo.txt" ] || { echo "FAIL: artifacts: $(ls "$work/out")"; exit 1; } ;;
depfile-unchanged)
    expect 0 "" "$regen" -o "$work/out" --depfile "$work/deps.d" "$valid"
    touch -d '2001-01-01 00:00:00' "$work/deps.d"
    before=$(ls -l --time-style=+%s "$work/deps.d")
    expect 0 "" "$regen" -o "$work/out" --depfile "$work/deps.d" "$valid"
    [ "$(ls -l --time-style=+%s "$work/deps.d")" = "$before" ] || { echo "FAIL: depfile rewritten"; exit 1; } ;;
check-writes-no-depfile)
    expect 0 "" "$regen" -o "$work/out" "$valid"
    expect 0 "" "$regen" --check -o "$work/out" --depfile "$work/deps.d" "$valid"
    [ ! -e "$work/deps.d" ] || { echo "FAIL: --check wrote the depfile"; exit 1; } ;;
*) echo "unknown check $check"; exit 1 ;;
esac
echo "ok: $check"
