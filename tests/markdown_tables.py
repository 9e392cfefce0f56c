"""Renders NAME.md with cmark-gfm and checks its structure against NAME.json:
exactly one table per class that has codes (one in all without classes),
one body row per entry of that class (in order, the code in the first cell), each entry's anchor once, and
no HTML element that came from registry text (every string is escaped).

usage: markdown_tables.py CMARK_GFM NAME.md NAME.json"""
import html.parser
import json
import subprocess
import sys

ALLOWED_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "a", "code", "table", "thead", "tbody",
                "tr", "th", "td", "br"}


class Structure(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tables = []  # per table: list of first-cell texts of body rows
        self.in_body = self.in_cell = False
        self.first_cell = None
        self.anchors = []
        self.stray_tags = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.stray_tags.append(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.first_cell = ""
        elif tag == "td" and self.first_cell == "":
            self.in_cell = True
        elif tag == "a" and dict(attrs).get("id"):
            self.anchors.append(dict(attrs)["id"])

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_body = False
        elif tag == "td" and self.in_cell:
            self.in_cell = False
            self.tables[-1].append(self.first_cell)
            self.first_cell = None

    def handle_data(self, data):
        if self.in_cell:
            self.first_cell += data


def main():
    cmark, markdown_path, json_path = sys.argv[1:4]
    model = json.load(open(json_path, encoding="utf-8"))
    rendered = subprocess.run([cmark, "--unsafe", "-e", "table", markdown_path], check=True,
                              capture_output=True, text=True).stdout
    structure = Structure()
    structure.feed(rendered)
    problems = []
    # Without classes, one table holds every entry, as one class would.
    classes = [c for c in model["registry"]["classes"]
               if any(e.get("class") == c["name"] for e in model["codes"])]
    groups = [(c["name"], [str(e["code"]) for e in model["codes"] if e.get("class") == c["name"]])
              for c in classes] or [("(no classes)", [str(e["code"]) for e in model["codes"]])]
    if len(structure.tables) != len(groups):
        problems.append(f"{len(structure.tables)} tables for {len(groups)} classes with codes")
    for table, (name, want) in zip(structure.tables, groups):
        if table != want:
            problems.append(f"class {name}: rows {table}, expected {want}")
    for entry in model["codes"]:
        anchor = f"{entry['code']}-{entry['name'].lower().replace('_', '-')}"
        if structure.anchors.count(anchor) != 1:
            problems.append(f"anchor {anchor} appears {structure.anchors.count(anchor)} times")
    if structure.stray_tags:
        problems.append(f"HTML from registry text got through: {sorted(set(structure.stray_tags))}")
    for problem in problems:
        print("FAIL:", problem)
    if not problems:
        print(f"ok: {len(structure.tables)} tables, {len(model['codes'])} entries")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
