#!/bin/sh
# tests/downstream/install.sh BUILD MAN : `meson install --destdir` of BUILD
# into a temporary tree, then, from outside the source tree:
#   - the installed regen runs (--version) and generates from a registry of
#     its own (its templates are compiled in; it needs no other file);
#   - `pkg-config --cflags --libs http_status` compiles and links a program
#     against the installed header and library, which then runs;
#   - regen.pc points at the installed regen; the schemas are installed;
#   - the man pages regen(1) and regen-templates(5) are installed when MAN
#     is "yes" (scdoc found);
#   - the built-in templates' sources and docs/templates.md are installed.
# CFLAGS and LDFLAGS, when set (the sanitizer build), go to the compiler:
# the installed library was built with them.
set -u
build=$(cd "$1" && pwd)
man=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dest=$work/dest

fail() { echo "FAIL: $*"; exit 1; }
find_one() { # find_one PATTERN: the one installed file whose path matches
    found=$(find "$dest" -path "$1")
    if [ -z "$found" ] || [ "$(printf '%s\n' "$found" | wc -l)" -ne 1 ]; then
        fail "expected one installed file like $1, found: ${found:-none}"
    fi
    printf '%s\n' "$found"
}

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$work/log" 2>&1 ||
    { cat "$work/log"; fail "meson install failed"; }

regen=$(find_one '*/bin/regen') || exit 1
find_one '*/include/http_status.h' >/dev/null || exit 1
find_one '*/share/regen/schema/registry.schema.json' >/dev/null || exit 1
find_one '*/share/regen/schema/artifact.schema.json' >/dev/null || exit 1
find_one '*/share/regen/http_status.json' >/dev/null || exit 1
find_one '*/share/regen/http_status.html' >/dev/null || exit 1
find_one '*/share/regen/templates.md' >/dev/null || exit 1
find_one '*/share/regen/templates/c/NAME.h.tmpl' >/dev/null || exit 1
find_one '*/share/regen/templates/NAME.md.tmpl' >/dev/null || exit 1
if [ "$man" = yes ]; then
    find_one '*/man1/regen.1' >/dev/null || exit 1
    find_one '*/man5/regen-templates.5' >/dev/null || exit 1
fi

# The installed regen, from a directory that has nothing of the source tree.
mkdir "$work/elsewhere"
cp "$here/make/job_state.yaml" "$work/elsewhere/"
cd "$work/elsewhere" || exit 1
"$regen" --version | grep -q '^regen [0-9]' || fail "$regen --version"
"$regen" job_state.yaml || fail "the installed regen failed"
grep -q 'JOB_STATE_SUCCEEDED = 50' out/job_state.h || fail "out/job_state.h is not right"

# pkg-config: the sysroot points the flags into the destdir.
PKG_CONFIG_PATH=$(dirname "$(find_one '*/pkgconfig/http_status.pc')"):$(dirname "$(find_one '*/pkgconfig/regen.pc')")
PKG_CONFIG_SYSROOT_DIR=$dest
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
flags=$(pkg-config --cflags --libs http_status) || fail "pkg-config http_status"
cat >use.c <<'EOC'
#include <http_status.h>
#include <stdio.h>

int main(void)
{
    const struct http_status_info *teapot = http_status_from_name("IM_A_TEAPOT", 11);
    printf("%s|%d\n", http_status_reason(HTTP_STATUS_NOT_FOUND), teapot ? teapot->code : -1);
    return 0;
}
EOC
# shellcheck disable=SC2086 # flags are several words
cc -std=c99 ${CFLAGS:-} use.c $flags ${LDFLAGS:-} -o use || fail "cannot build with: $flags"
[ "$(./use)" = "Not Found|418" ] || fail "the program printed '$(./use)'"

# Without the sysroot, which pkgconf would also put before the variable.
installed=$(PKG_CONFIG_SYSROOT_DIR='' pkg-config --variable=regen regen) || fail "pkg-config regen"
[ "$dest$installed" = "$regen" ] || fail "regen.pc names '$installed', not the installed regen"
echo "ok: installed regen, http_status.pc and regen.pc work"
