"""Every string of a registry, written by regen as a string literal of LANG
(the escape of that name), compiled or run by that language's own
toolchain, must come back byte for byte as the JSON artifact has it.

usage: literal_test.py REGEN REGISTRY LANG   (LANG: python, js, rust, go)

regen renders, from a template of this test, a program that prints every
string (the registry's title and description; each entry's reason,
description, origin and former phrases) separated by NUL bytes; the
program's output is compared with the same strings from the JSON artifact.
Rust is compiled with -D warnings and Go checked by go vet: a literal that
draws a warning fails too. Exit status 77 (skipped) when the toolchain is
missing (Debian: python3, nodejs, rustc, golang-go)."""
import json
import os
import subprocess
import sys
import tempfile

# The strings, in the order the JSON artifact gives them; the {{#codes}}
# part is the same in every language but for the literal's syntax.
STRINGS = ('{{#registry}}"{{title}}", "{{description}}",{{/registry}}\n'
           '{{#codes}}"{{reason}}", "{{description}}",{{#origin}} "{{origin}}",{{/origin}}'
           '{{#former}} "{{.}}",{{/former}}\n{{/codes}}')

PROGRAMS = {
    "python": ("NAME.py.tmpl", "import sys\nSTRINGS = [\n" + STRINGS +
               "]\nsys.stdout.buffer.write('\\0'.join(STRINGS).encode('utf-8'))\n"),
    "js": ("NAME.js.tmpl", '"use strict";\nconst strings = [\n' + STRINGS +
           '];\nprocess.stdout.write(Buffer.from(strings.join("\\0"), "utf8"));\n'),
    "rust": ("NAME.rs.tmpl", "use std::io::Write;\nfn main() {\n    let strings: &[&str] = &[\n" +
             STRINGS + "];\n    std::io::stdout().write_all(strings.join(\"\\0\").as_bytes())"
             ".unwrap();\n}\n"),
    "go": ("NAME.go.tmpl", 'package main\n\nimport (\n\t"os"\n\t"strings"\n)\n\n'
           "func main() {\n\tlist := []string{\n" + STRINGS +
           '}\n\tos.Stdout.WriteString(strings.Join(list, "\\x00"))\n}\n'),
}

TOOLS = {"python": "/usr/bin/python3", "js": "/usr/bin/node", "rust": "/usr/bin/rustc",
         "go": "/usr/bin/go"}


def expected_strings(model):
    strings = [model["registry"]["title"], model["registry"]["description"]]
    for entry in model["codes"]:
        strings += [entry["reason"], entry["description"]]
        strings += [entry["origin"]] if "origin" in entry else []
        strings += entry["former"]
    return "\0".join(strings).encode("utf-8")


def run_program(lang, source, work):
    env = dict(os.environ, GOCACHE=os.path.join(work, "go-cache"),
               GOPATH=os.path.join(work, "go-path"), HOME=work)
    if lang == "python":
        command = [TOOLS[lang], source]
    elif lang == "js":
        command = [TOOLS[lang], source]
    elif lang == "rust":
        binary = os.path.join(work, "strings-rs")
        subprocess.run([TOOLS[lang], "-D", "warnings", "--edition", "2021", "-o", binary, source],
                       check=True, env=env)
        command = [binary]
    else:
        subprocess.run([TOOLS[lang], "vet", source], check=True, env=env, cwd=work)
        binary = os.path.join(work, "strings-go")
        subprocess.run([TOOLS[lang], "build", "-o", binary, source], check=True, env=env,
                       cwd=work)
        command = [binary]
    return subprocess.run(command, check=True, stdout=subprocess.PIPE, env=env).stdout


def main():
    regen, registry, lang = sys.argv[1:4]
    if not os.path.exists(TOOLS[lang]):
        print(f"SKIP: needs {TOOLS[lang]}")
        return 77
    with tempfile.TemporaryDirectory() as work:
        templates, out = os.path.join(work, "templates"), os.path.join(work, "out")
        os.mkdir(templates)
        name, text = PROGRAMS[lang]
        with open(os.path.join(templates, name), "w", encoding="utf-8") as template:
            template.write(text)
        with open(os.path.join(templates, "NAME.json.tmpl"), "w", encoding="utf-8") as template:
            template.write("{{{@json}}}\n")
        subprocess.run([regen, "-t", templates, "-o", out, registry], check=True)
        artifacts = os.listdir(out)
        model = json.load(open(os.path.join(out, [a for a in artifacts if a.endswith(".json")][0]),
                               encoding="utf-8"))
        source = os.path.join(out, [a for a in artifacts if not a.endswith(".json")][0])
        got, want = run_program(lang, source, work), expected_strings(model)
    if got != want:
        got_list, want_list = got.split(b"\0"), want.split(b"\0")
        for index, (g, w) in enumerate(zip(got_list, want_list)):
            if g != w:
                print(f"FAIL: string {index}: {lang} gives {g!r}, the registry has {w!r}")
        if len(got_list) != len(want_list):
            print(f"FAIL: {len(got_list)} strings, not {len(want_list)}")
        return 1
    count = want.count(b"\0") + 1
    print(f"ok: {count} strings through {lang} literals")
    return 0


if __name__ == "__main__":
    sys.exit(main())
