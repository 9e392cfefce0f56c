"""Every key of the model's schema (regen --model-schema) is documented in
docs/templates.md, as `key`; the keys of the value tests, which are a
registry's own statuses, classes, flags and enum values, and its declared
fields are not regen's to document.

usage: docs_model_keys.py REGEN REGISTRY DOC"""
import json
import re
import subprocess
import sys


def keys_of(schema, defs, found, seen):
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name not in seen:
            seen.add(name)
            keys_of(defs[name], defs, found, seen)
        return
    for key, value in schema.get("properties", {}).items():
        found.add(key)
        if re.fullmatch(r"_\w+_(is|has)", key):
            continue
        keys_of(value, defs, found, seen)
    if "items" in schema:
        keys_of(schema["items"], defs, found, seen)


def main():
    regen, registry, doc = sys.argv[1:4]
    schema = json.loads(subprocess.run([regen, "--model-schema", registry], capture_output=True,
                                       text=True, check=True).stdout)
    declared = json.loads(subprocess.run([regen, "--dump-model", registry], capture_output=True,
                                         text=True, check=True).stdout)["registry"].get("fields", [])
    found = set()
    keys_of(schema, schema["$defs"], found, set())
    found -= {field["name"] for field in declared}
    with open(doc, encoding="utf-8") as text:
        documented = set(re.findall(r"`([A-Za-z_][\w]*)`", text.read()))
    missing = sorted(key for key in found
                     if key not in documented and not re.fullmatch(r"_\w+_(is|has)", key))
    for key in missing:
        print(f"FAIL: the model's key '{key}' is not in {doc}")
    sys.exit(1 if missing else 0)


main()
