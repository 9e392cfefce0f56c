"""Validates a registry (YAML) or an artifact (JSON) against a JSON Schema.

usage: validate_schema.py SCHEMA FILE [--expect-invalid]

YAML is read as regen reads it: only plain decimal integers are numbers and
only true and false booleans; yes/no/null/dates stay strings (PyYAML's YAML 1.1 resolvers are removed).
With --expect-invalid the file must fail validation (so this test can fail).
"""
import json
import pathlib
import re
import sys

import jsonschema
import yaml


class RegistryLoader(yaml.SafeLoader):
    pass


# Keep only the int resolver, and booleans spelled true or false (a boolean
# field reads only those): regen treats every other scalar as a string.
RegistryLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag.endswith(":int")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
RegistryLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"),
                                     list("tf"))


def load(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=RegistryLoader)


def main():
    schema_path = pathlib.Path(sys.argv[1]).resolve()
    document_path = pathlib.Path(sys.argv[2])
    expect_invalid = "--expect-invalid" in sys.argv[3:]
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    resolver = jsonschema.RefResolver(base_uri=schema_path.as_uri(), referrer=schema)
    validator = jsonschema.Draft7Validator(schema, resolver=resolver)
    errors = sorted(validator.iter_errors(load(document_path)), key=lambda e: list(e.path))
    for error in errors[:20]:
        where = "/".join(str(part) for part in error.path)
        print(f"{document_path}: {where}: {error.message}")
    if expect_invalid:
        print(f"{len(errors)} schema errors (expected some)")
        return 0 if errors else 1
    print(f"{len(errors)} schema errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
