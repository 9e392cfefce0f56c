"""Prints the C tokens of a file, one per line, as the compiler sees them
after translation phase 6: comments dropped, adjacent string literals joined.

usage: python3 tests/c/c_tokens.py FILE.c

Two generated files that differ only in layout (line breaks, indentation,
comments, a string literal split over lines) print the same tokens, so
    diff <(c_tokens.py old.c) <(c_tokens.py new.c)
shows whether a change to a template touched more than the layout. Not a
full C lexer: enough for the C regen generates (no trigraphs, no digraphs,
no line splices inside tokens)."""
import re
import sys

TOKEN = re.compile(r"""
    (?P<space>\s+|\\\n)
  | (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<char>'(?:[^'\\\n]|\\.)*')
  | (?P<word>[A-Za-z_0-9.]+)
  | (?P<punct>->|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||\#\#|[-+*/%<>=!&|^~?:;,.()\[\]{}#])
""", re.VERBOSE | re.DOTALL)


def tokens(text):
    position = 0
    pending_string = None
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match:
            raise SystemExit(f"c_tokens: cannot read at offset {position}: {text[position:position + 20]!r}")
        position = match.end()
        kind = match.lastgroup
        if kind in ("space", "comment"):
            continue
        if kind == "string":
            pending_string = (pending_string or "") + match.group()[1:-1]
            continue
        if pending_string is not None:
            yield '"' + pending_string + '"'
            pending_string = None
        yield match.group()
    if pending_string is not None:
        yield '"' + pending_string + '"'


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        for token in tokens(source.read()):
            print(token)


if __name__ == "__main__":
    main()
