/* escape.h: how a value is written into each kind of output.
 *
 * A template chooses per tag ({{reason | comment}}) or gets its output's
 * default from the file extension (.c/.h: c, .md: md, .json: json,
 * .html: html, .py: python, .js/.ts: js, .rs: rust, .go: go). */
#ifndef REGEN_ESCAPE_H
#define REGEN_ESCAPE_H

#include "buffer.h"

#include <stdbool.h>
#include <stddef.h>

enum escape {
    ESCAPE_NONE,    /* bytes as they are */
    ESCAPE_C,       /* inside a C string literal: "..." */
    ESCAPE_COMMENT, /* inside a C block comment */
    ESCAPE_MD,      /* GitHub Markdown inline text, table cells included */
    ESCAPE_JSON,    /* inside a JSON string */
    ESCAPE_CHARS,   /* C character constants, one per byte: 'n', 'o', '\0', ... */
    ESCAPE_HTML,    /* HTML text, or an attribute's value in quotes */
    ESCAPE_SCRIPT,  /* inside a JSON string inside an HTML <script> element */
    ESCAPE_PYTHON,  /* inside a "..." literal of Python (literal.h) */
    ESCAPE_JS,      /* of JavaScript or TypeScript */
    ESCAPE_RUST,    /* of Rust */
    ESCAPE_GO,      /* of Go */
};

/* The escape named NAME ("none", "c", "comment", "md", "json", "chars",
 * "html", "script", "python", "js", "rust", "go"). */
bool escape_from_name(const char *name, size_t length, enum escape *escape);
/* "none, c, ...": every name, for messages. */
const char *escape_names(void);
/* The default for an output file, by its extension. */
enum escape escape_for_file(const char *file_name);

bool escape_append(struct buffer *out, enum escape escape, const char *text, size_t length);

#endif
