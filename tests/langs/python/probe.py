"""Probes a generated Python module against the registry's JSON artifact.

probe.py JSON MODEL, with target.py (the module regen wrote, copied under a
fixed name so that mypy checks this probe against its real types) beside
this file. JSON is the artifact {schema, registry, codes}; MODEL is regen
--dump-model's output, read only for which entry of a shared code is primary
(the JSON is sorted by code, then name, so it no longer shows which entry
came first in the registry). Prints FAIL: lines and exits 1 on any failure.
"""

import dataclasses
import json
import string
import sys
import traceback
from typing import Any

import target

Entry = dict[str, Any]  # an entry of the JSON artifact

failures: dict[str, None] = {}  # a set that keeps the order


def check(ok: bool, message: str) -> None:
    if not ok:
        failures[message] = None


# The module folds ASCII letters only (as C does); so does this reference,
# written independently of the template: str.lower() would also fold "É".
LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)


def name_of(member: Any) -> str | None:
    """The member's name, or None for a miss (as the lookups return)."""
    return None if member is None else str(member.name)


def pascal(snake: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in snake.split("_"))


def expected_info(entry: Entry, registry: Entry) -> dict[str, Any]:
    """The dataclass's fields as the JSON has them (lists become tuples)."""
    want: dict[str, Any] = {
        "code": entry["code"],
        "name": entry["name"],
        "reason": entry["reason"],
        "description": entry["description"],
        "status": entry["status"],
        "flags": tuple(entry["flags"]),
        "origin": entry.get("origin"),
        "spec": entry.get("spec"),
        "url": entry.get("url"),
        "since": entry.get("since"),
        "former": tuple(entry["former"]),
        "spellings": tuple(entry.get("spellings", [])),
    }
    if registry["classes"]:
        want["code_class"] = entry.get("class")
    for field in registry.get("fields", []):
        value = entry.get(field["name"])
        want[field["name"]] = tuple(value) if isinstance(value, list) else value
    return want


def probe_entries(codes: list[Entry], registry: Entry, primary: dict[int, str]) -> None:
    enum_type = getattr(target, pascal(registry["name"]))
    members = {name_of(member): member for member in enum_type}
    check(list(members) == [entry["name"] for entry in codes],
          f"the members of {enum_type.__name__} are not the entries in order")
    by_name = {entry["name"]: entry for entry in codes}
    for entry in codes:
        name, code = entry["name"], entry["code"]
        member = target.from_name(name)
        if member is None or member is not members.get(name):
            check(False, f"from_name({name!r}) is {name_of(member)}, not the member {name}")
            continue
        check(member.code == code, f"{name}.code is {member.code}, not {code}")
        check(member.reason == entry["reason"], f"{name}.reason is {member.reason!r}")
        got, want = dataclasses.asdict(member.info), expected_info(entry, registry)
        for key, value in want.items():
            check(key in got and got[key] == value,
                  f"{name}.info.{key} is {got.get(key)!r}, not {value!r}")
        check(got.keys() == want.keys(), f"{name}.info has the fields {sorted(got)}")
        try:  # frozen: the dataclass's own __setattr__ refuses
            setattr(member.info, "code", code + 1)
            check(False, f"{name}.info is writable")
        except dataclasses.FrozenInstanceError:
            pass

        # By code: the primary entry, the one C's lookup returns.
        first = by_name[primary[code]]
        got_name = name_of(target.from_code(code))
        check(got_name == first["name"], f"from_code({code}) is {got_name}, not {first['name']}")
        check(target.reason(code) == first["reason"], f"reason({code}) is {target.reason(code)!r}")
        check(entry["status"] == "unofficial" or first["status"] != "unofficial",
              f"the primary of {code} is unofficial, {name} is not")

        # By name: exact, so neither another case nor a space matches.
        for text in [name.lower(), name + " ", " " + name]:
            check(target.from_name(text) is None, f"from_name({text!r}) is not None")


def probe_phrases(codes: list[Entry]) -> None:
    # The reference: every phrase, folded, to the entry it names.
    owner: dict[str, str] = {}
    for entry in codes:
        for phrase in [entry["reason"], *entry["former"], *entry.get("spellings", [])]:
            known = owner.setdefault(phrase.translate(LOWER), entry["name"])
            check(known == entry["name"], f"phrase {phrase!r} names {known} and {entry['name']}")
    for phrase in list(owner):
        # ASCII case changes must match; non-ASCII ones (Python's upper()
        # of "é", the Kelvin sign for k) and spaces must not, unless the
        # result is itself some phrase: the reference says which, if any.
        tries = [phrase, phrase.translate(UPPER), phrase.swapcase(), phrase.upper(),
                 phrase.lower(), phrase + " ", " " + phrase, phrase[:-1], phrase + "\0",
                 phrase.replace("k", "\u212a")]
        for text in dict.fromkeys(tries):
            want = owner.get(text.translate(LOWER))
            got = name_of(target.from_reason(text))
            check(got == want, f"from_reason({text!r}) is {got}, not {want}")


def probe_predicates(codes: list[Entry], registry: Entry, primary: dict[int, str]) -> None:
    by_name = {entry["name"]: entry for entry in codes}
    for klass in registry["classes"]:
        name, low, high = "is_" + klass["name"], klass["min"], klass["max"]
        test = getattr(target, name)
        for code in [entry["code"] for entry in codes] + [low - 1, low, high, high + 1]:
            check(test(code) is (low <= code <= high), f"{name}({code}) is {test(code)}")
    for flag in registry["flags"]:
        name = "is_" + flag["name"]
        test = getattr(target, name)
        for code in {entry["code"] for entry in codes}:
            want = flag["name"] in by_name[primary[code]]["flags"]
            check(test(code) is want, f"{name}({code}) is {test(code)}")
        check(test(registry["max"] + 1) is False, f"{name} of an unknown code is not False")


def probe_misses(codes: list[Entry], registry: Entry) -> None:
    known = {entry["code"] for entry in codes}
    low, high = registry["min"], registry["max"]
    gap = next((code for code in range(low, high + 1) if code not in known), low - 1)
    for code in [low - 1, high + 1, gap, -(2**63), 2**64]:
        check(target.from_code(code) is None, f"from_code({code}) is not None")
        check(target.reason(code) is None, f"reason({code}) is not None")
    for text in ["", " ", "\0", "\ufeff"]:
        check(target.from_reason(text) is None, f"from_reason({text!r}) is not None")
        check(target.from_name(text) is None, f"from_name({text!r}) is not None")


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as file:
        artifact = json.load(file)
    with open(sys.argv[2], encoding="utf-8") as file:
        model = json.load(file)
    codes, registry = artifact["codes"], artifact["registry"]
    primary = {entry["code"]: entry["name"] for entry in model["codes"] if entry["_primary"]}
    check(primary.keys() == {entry["code"] for entry in codes},
          "the model has not one primary entry per code")
    if not failures:
        probe_entries(codes, registry, primary)
        probe_phrases(codes)
        probe_predicates(codes, registry, primary)
        probe_misses(codes, registry)
    for message in list(failures)[:50]:
        print("FAIL: " + message)
    if len(failures) > 50:
        print(f"FAIL: ... and {len(failures) - 50} more")
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as error:  # a module that raises fails, with its traceback
        traceback.print_exc()
        print(f"FAIL: the probe stopped on {error!r}")
        sys.exit(1)
