"""Prints every entry's strings as lookup_test prints them from the generated
table, read straight from the YAML (by PyYAML, not regen), so the two can be
compared byte for byte. Entries in table order: by code, then name."""
import re
import sys

import yaml


def derived_name(reason):
    return re.sub(r"[^A-Z0-9]+", "_", reason.upper()).strip("_")


def main():
    with open(sys.argv[1], encoding="utf-8") as stream:
        registry = yaml.load(stream, Loader=yaml.BaseLoader)  # every scalar a string
    entries = registry["codes"]
    for entry in entries:
        entry.setdefault("name", derived_name(entry["reason"]))
    entries.sort(key=lambda entry: (int(entry["code"]), entry["name"].encode()))
    out = sys.stdout.buffer
    for entry in entries:
        out.write(b"code=%d\n" % int(entry["code"]))
        for key in ("name", "reason", "description", "origin", "spec", "url", "since"):
            value = entry.get(key)
            out.write(key.encode() + b"=" + (value.encode() if value is not None else b"(null)") + b"\n")
        for former in entry.get("former", []):
            out.write(b"former=" + former.encode() + b"\n")


if __name__ == "__main__":
    main()
