"""The layout of generated C: what a reader of the best hand-written C expects.

usage: python3 tests/c/layout.py FILE.c|FILE.h...

Checks, and prints every line that breaks a rule:
- width: no line passes 100 columns. The one exception is a very long name:
  an identifier counts at most 40 columns, so only what a name of its own
  pushes out may pass.
- no tab, no trailing space.
- indentation, by nesting, outside comments and preprocessor lines: a
  statement (or a list item, or a comment of its own) that begins a line is
  indented four spaces per open brace, four more under a braceless if, for,
  while or else; a line that goes on with the statement or item before it
  is indented further than the line that began it, or, a string literal
  that goes on with the one before it, as far. A brace that does not
  end its line (a row { ... } of a table) holds items that go on aligned
  inside it, not a block; nor is extern "C" { a block. A function's name may begin its own line after its
  return type, and its body's brace a line of its own.
Exit status 1 when a rule is broken."""
import re
import sys

LIMIT = 100
NAME_COUNTS_AT_MOST = 40
TOKEN = re.compile(r"""
    (?P<comment_open>/\*)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)*')
  | (?P<line_comment>//[^\n]*)
  | (?P<word>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<other>\S)
""", re.VERBOSE)
CONTROL = re.compile(r"^(if|for|while|else if)\s*\(.*\)$|^else$|^do$")


def width(line):
    columns = len(line)
    for word in re.findall(r"[A-Za-z_][A-Za-z_0-9]*", line):
        if len(word) > NAME_COUNTS_AT_MOST:
            columns -= len(word) - NAME_COUNTS_AT_MOST
    return columns


class Reader:
    """Walks the code of a file line by line, keeping the nesting."""

    def __init__(self):
        self.in_comment = False
        self.stack = []  # (opener, ends_its_line, indent of the line that opened it)

    def code_of(self, line):
        """The line's code tokens, comments removed; updates in_comment."""
        tokens, position = [], 0
        while position < len(line):
            if self.in_comment:
                end = line.find("*/", position)
                if end < 0:
                    return tokens
                self.in_comment = False
                position = end + 2
                continue
            match = TOKEN.match(line, position)
            if not match:
                position += 1
                continue
            position = match.end()
            if match.lastgroup == "comment_open":
                self.in_comment = True
            elif match.lastgroup != "line_comment":
                tokens.append(match.group())
        return tokens


def check(path):
    problems = []
    with open(path, encoding="utf-8") as source:
        lines = source.read().split("\n")
    reader = Reader()
    statement_indent = 0   # indentation of the line that began the current statement
    continues = False      # the next code line goes on with the statement before it
    braceless = 0          # pending braceless ifs and loops
    in_directive = False
    previous_ends_string = False  # a string literal may go on aligned under itself
    for number, line in enumerate(lines, 1):
        def complain(what):
            problems.append(f"{path}:{number}: {what}: {line.strip()[:60]}")
        if "\t" in line:
            complain("a tab")
        if line != line.rstrip():
            complain("trailing space")
        if width(line) > LIMIT:
            complain(f"{width(line)} columns")
        started_in_comment = reader.in_comment
        indent = len(line) - len(line.lstrip(" "))
        directive = in_directive or line.lstrip().startswith("#")
        in_directive = directive and line.endswith("\\")
        tokens = reader.code_of(line)
        if directive:
            if line.lstrip().startswith("#") and indent and not started_in_comment:
                complain("a preprocessor line not at column 0")
            continue
        if started_in_comment or not line.strip():
            continue
        inline_braces = [entry for entry in reader.stack if entry[0] == "{" and not entry[1]]
        blocks = [entry for entry in reader.stack if entry[0] == "{" and entry[1]]
        closing = tokens[:1] == ["}"]
        opens_body = tokens == ["{"] and not inline_braces  # of a function, after its header
        named_after_type = not reader.stack and indent == 0 and re.match(r"[A-Za-z_]\w*\(", line)
        if opens_body or named_after_type:
            continues = False
        if continues or inline_braces or any(entry[0] in "([" for entry in reader.stack):
            adjacent_literal = tokens[:1] and tokens[0].startswith('"') and previous_ends_string
            too_shallow = indent < statement_indent if adjacent_literal else indent <= statement_indent
            if too_shallow and not (closing and not inline_braces):
                complain(f"indented {indent}, not further than the {statement_indent} of its statement")
        else:
            closes_block = closing and reader.stack and reader.stack[-1][0] == "{"
            expected = 4 * (len(blocks) - (1 if closes_block else 0) + braceless)
            if indent != expected:
                complain(f"indented {indent}, not {expected}")
            statement_indent = indent
        if not tokens:
            continue  # a comment of its own line
        previous_ends_string = tokens[-1].startswith('"')
        for index, token in enumerate(tokens):
            if token == "{" and tokens[:2] == ["extern", '"C"']:
                reader.stack.append(("extern", True, indent))  # no indent inside extern "C"
            elif token in "{([":
                reader.stack.append((token, index == len(tokens) - 1, indent))
            elif token in "})]" and reader.stack:
                reader.stack.pop()
        text = " ".join(tokens)
        last = tokens[-1]
        open_parens = any(entry[0] in "([" for entry in reader.stack)
        in_row = any(entry[0] == "{" and not entry[1] for entry in reader.stack)
        ends = last in (";", "{", "}") or (last == "," and not open_parens and not in_row)
        if CONTROL.match(text) and last != "{":
            braceless += 1
            continues = False
            statement_indent = indent + 4
            continue
        continues = not ends
        if ends and last in (";", "}", ","):
            braceless = 0
        if ends and last == "{":
            braceless = 0
    return problems


def main():
    problems = []
    for path in sys.argv[1:]:
        problems += check(path)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} layout problems in {len(sys.argv) - 1} files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
