"""What the Rust probe must find, as lines it reads without a JSON parser.

expect.py ARTIFACT.json MODEL.json > expect.txt

ARTIFACT.json is the JSON artifact (the data to check); MODEL.json is
`regen --dump-model` of the same registry, read only for which entry of a
shared code is primary: the artifact lists entries by code then name, so the
first one of a code is not always the primary one (not unofficial, else first
in the registry, which the artifact does not record).

Lines, tokens separated by one space:
    count N
    entry I KEY=TOKEN ...   the data of entry I, in the probe's key order
    code C I|-              from_code(C) is entry I, or None
    reason TOKEN I|-        from_reason(the text) is entry I, or None
    name TOKEN I|-          from_name(the text) is entry I, or None
A TOKEN is s + the UTF-8 bytes in hex (a string), - (absent), lN: + hex
items joined by commas (a list of N strings), or a number or true/false.
"""
import json
import sys


def text(value):
    return "s" + value.encode("utf-8").hex()


def token(value):
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "l%d:" % len(value) + ",".join(item.encode("utf-8").hex() for item in value)
    return text(value)


def ascii_case(value, upper):
    # Only ASCII letters change case, as eq_ignore_ascii_case sees them.
    data = value.encode("utf-8")
    return (data.upper() if upper else data.lower()).decode("utf-8")


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        artifact = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        model = json.load(f)
    registry, codes = artifact["registry"], artifact["codes"]
    if [c["name"] for c in codes] != [c["name"] for c in model["codes"]]:
        sys.exit("expect.py: the artifact and the model list different entries")
    out = ["count %d" % len(codes)]

    for i, entry in enumerate(codes):
        pairs = [("code", entry["code"]), ("name", entry["name"]), ("reason", entry["reason"]),
                 ("description", entry["description"])]
        if "class" in entry:
            pairs.append(("class", entry["class"]))
        pairs += [("status", entry["status"]), ("flags", entry["flags"])]
        pairs += [(key, entry.get(key)) for key in ("origin", "spec", "url", "since")]
        pairs += [("former", entry["former"]), ("spellings", entry.get("spellings", []))]
        for field in registry.get("fields", []):
            pairs.append(("f." + field["name"], entry.get(field["name"])))
        for cls in registry.get("classes", []):
            pairs.append(("is." + cls["name"], cls["min"] <= entry["code"] <= cls["max"]))
        for flag in registry.get("flags", []):
            pairs.append(("has." + flag["name"], flag["name"] in entry["flags"]))
        out.append("entry %d " % i + " ".join("%s=%s" % (k, token(v)) for k, v in pairs))

    # from_code: the primary entry of each code, then a code that has none.
    for i, entry in enumerate(model["codes"]):
        if entry["_primary"]:
            out.append("code %d %d" % (entry["code"], i))
            # Where some entry of the code is not unofficial, it is the primary.
            official = [c for c in codes if c["code"] == entry["code"] and c["status"] != "unofficial"]
            if official and official[0]["name"] != entry["name"]:
                sys.exit("expect.py: %s is primary over %s" % (entry["name"], official[0]["name"]))
    taken = {c["code"] for c in codes}
    missing = next(c for c in [registry["max"] + 1, registry["min"] - 1] + list(range(len(codes) + 1))
                   if c not in taken and -2**31 <= c < 2**31)
    out.append("code %d -" % missing)

    # from_reason: every phrase as given, in upper and in lower case; from_name.
    for i, entry in enumerate(codes):
        for phrase in [entry["reason"]] + entry["former"] + entry.get("spellings", []):
            for variant in (phrase, ascii_case(phrase, True), ascii_case(phrase, False)):
                out.append("reason %s %d" % (text(variant), i))
            out.append("reason %s -" % text(phrase + " "))
        out.append("name %s %d" % (text(entry["name"]), i))
        out.append("name %s -" % text(entry["name"].lower()))
        out.append("name %s -" % text(entry["name"] + " "))
    for miss in ("", " ", "x" * 300):
        out.append("reason %s -" % text(miss))
        out.append("name %s -" % text(miss))
    print("\n".join(out))


main()
