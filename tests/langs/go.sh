#!/bin/sh
# tests/langs/go.sh REGEN REGISTRY : the Go set, for one registry.
#
# Generates the package, vets it and checks that gofmt would leave it as it
# is, then builds and runs tests/langs/go/probe.go against it: every entry
# of the JSON artifact through the package's lookups and data. The package
# and the probe make one module in a temporary directory (go 1.19, Debian's
# /usr/bin/go); nothing is downloaded.
set -u
regen=$1
registry=$2
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"

generate go go
# The model, for which entry of a shared code is primary (the artifact does
# not say).
"$regen" --dump-model "$registry" >"$work/model.json" || fail "regen --dump-model exited $?"

mkdir -p "$work/module/gen"
cp "$module" "$work/module/gen/"
cp "$here/go/probe.go" "$work/module/probe.go"
printf 'module probe\n\ngo 1.19\n' >"$work/module/go.mod"

# Offline, and no state outside the temporary directory but the build cache,
# shared between runs under /tmp to spare compiling the standard library.
export GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off GO111MODULE=on CGO_ENABLED=0
GOPATH=$work/gopath
GOCACHE=${TMPDIR:-/tmp}/regen-go-cache-$(id -u)
export GOPATH GOCACHE
cd "$work/module" || exit 1

/usr/bin/go vet ./... || fail "go vet reported the above"
unformatted=$(/usr/bin/gofmt -l gen) || fail "gofmt failed"
[ -z "$unformatted" ] || { /usr/bin/gofmt -d gen | head -40; fail "gofmt would change $unformatted"; }
/usr/bin/go build -o probe . || fail "the probe did not build"
./probe "$work/out/$name.json" "$work/model.json"
