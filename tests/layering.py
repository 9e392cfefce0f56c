"""The generator's layering, read from its files (gen/):

- every function a header declares is defined in the .c file of the same
  name, so that a header says what its own file does, and nothing else;
- the basic files (buffer, text, diag) include no header of ours but the
  basic ones: they serve the stages and know none of them; buffer includes
  only its own.

usage: python3 tests/layering.py GEN_DIR"""
import os
import re
import sys

BASIC = {"buffer": {"buffer.h"}, "text": {"text.h"}, "diag": {"diag.h"}}
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.DOTALL)
DECLARATION = re.compile(r"\b([a-z_][a-z0-9_]*)\s*\([^;{}]*\)\s*(?:REGEN_PRINTF\([^)]*\))?\s*$",
                         re.DOTALL)
TYPE_WORDS = {"void", "int", "char", "bool", "unsigned", "long", "const", "size_t"}
INCLUDE = re.compile(r'^#include "([^"]+)"', re.MULTILINE)


def code_of(path):
    with open(path, encoding="utf-8") as source:
        text = COMMENT.sub(" ", source.read())
    return "\n".join(line for line in text.split("\n") if not line.lstrip().startswith("#"))


def declared_functions(header):
    names = []
    for statement in code_of(header).split(";"):
        statement = statement.strip()
        # Type definitions (and their members) and data are no functions.
        if "{" in statement or statement.startswith(("typedef", "extern", "}")):
            continue
        match = DECLARATION.search(statement)
        if match and match.group(1) not in TYPE_WORDS:
            names.append(match.group(1))
    return names


def defines(source, name):
    return re.search(r"\b" + name + r"\s*\([^;{]*\)\s*\{", code_of(source)) is not None


def main():
    gen = sys.argv[1]
    problems = []
    for file in sorted(os.listdir(gen)):
        stem, extension = os.path.splitext(file)
        path = os.path.join(gen, file)
        if extension == ".h":
            source = os.path.join(gen, stem + ".c")
            for name in declared_functions(path):
                if not os.path.exists(source) or not defines(source, name):
                    problems.append(f"{file} declares {name}(), which {stem}.c does not define")
        if stem in BASIC and extension in (".c", ".h"):
            with open(path, encoding="utf-8") as text:
                included = set(INCLUDE.findall(text.read()))
            allowed = BASIC[stem] | ({"buffer.h", "text.h", "diag.h"} if stem != "buffer" else set())
            for header in sorted(included - allowed):
                problems.append(f"{file} includes {header}: a basic file knows no stage")
    for problem in problems:
        print("FAIL:", problem)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
