"""Writes a C probe that asks the generated from_reason for every phrase of
every entry of a JSON artifact (its reason, its former phrases, and the
other spellings that are not in the C table), as written, upper- and
lower-cased, and checks the entry that answers by its name.

usage: python3 tests/c/phrases.py NAME.json PREFIX HEADER > probe.c"""
import json
import sys


def c_string(text):
    out = []
    for byte in text.encode():
        if byte in (0x22, 0x5C):
            out.append("\\" + chr(byte))
        elif 0x20 <= byte < 0x7F and byte != 0x3F:
            out.append(chr(byte))
        else:
            out.append("\\%03o" % byte)
    return '"' + "".join(out) + '"'


def main():
    model = json.load(open(sys.argv[1], encoding="utf-8"))
    prefix, header = sys.argv[2], sys.argv[3]
    print(f'#include "{header}"')
    print("#include <stdio.h>\n#include <string.h>\n")
    print("static int failures;\n")
    print("static void expect(const char *phrase, const char *name)\n{")
    print(f"    const struct {prefix}_info *info = {prefix}_from_reason(phrase, strlen(phrase));")
    print("    if (info == NULL || strcmp(info->name, name) != 0) {")
    print('        printf("FAIL: from_reason(\\"%s\\") is %s, not %s\\n", phrase,')
    print('               info ? info->name : "NULL", name);')
    print("        failures++;\n    }\n}\n")
    print("int main(void)\n{")
    count = 0
    for entry in model["codes"]:
        for phrase in [entry["reason"]] + entry["former"] + entry.get("spellings", []):
            for variant in {phrase, phrase.upper(), phrase.lower()}:
                print(f"    expect({c_string(variant)}, {c_string(entry['name'])});")
                count += 1
    print(f'    printf("%s: {count} phrases\\n", failures ? "FAILED" : "ok");')
    print("    return failures != 0;\n}")


if __name__ == "__main__":
    main()
