#!/bin/sh
# bench/langs/python.sh REGEN : generates the shipped registry's Python
# module into a temporary directory and times its lookups against
# hand-written ones (bench/langs/python.py), printing one line per lookup.
set -u
regen=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$regen" --lang python -o "$work" "$here/../../registry.yaml" || exit 1
PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 -E -s "$here/python.py" \
    "$work/http_status.py" "$work/http_status.json"
