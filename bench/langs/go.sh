#!/bin/sh
# bench/langs/go.sh REGEN : the generated Go lookups for the shipped registry
# against a hand-written linear scan (bench/langs/go.go); prints one line per
# lookup. Builds offline in a temporary module with Debian's /usr/bin/go.
set -u
regen=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$regen" --lang go -o "$work/out" "$here/../../registry.yaml" || exit 1
mkdir -p "$work/module/gen"
cp "$work"/out/*.go "$work/module/gen/"
cp "$here/go.go" "$work/module/bench.go"
printf 'module bench\n\ngo 1.19\n' >"$work/module/go.mod"
export GOFLAGS=-mod=mod GOPROXY=off GOSUMDB=off GO111MODULE=on CGO_ENABLED=0
GOPATH=$work/gopath
GOCACHE=${TMPDIR:-/tmp}/regen-go-cache-$(id -u)
export GOPATH GOCACHE
(cd "$work/module" && /usr/bin/go build -o bench .) || exit 1
"$work/module/bench" "$work"/out/*.json
