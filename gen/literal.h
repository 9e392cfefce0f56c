/* literal.h: text inside a double-quoted string literal of Python,
 * JavaScript/TypeScript, Rust or Go.
 *
 * Backslash, double quote, line feed, carriage return and tab get their
 * short escapes; every other ASCII control byte a \xNN escape. Other text is
 * written as it is (all four read UTF-8 source), but for the characters a
 * toolchain refuses or a reader cannot see: C1 controls, U+2028 and U+2029
 * (line ends in older JavaScript), the bidirectional overrides and isolates
 * (rustc refuses them in a literal) and U+FEFF (Go refuses a BOM past the
 * file's start), each as that language's \u escape. A single quote is left
 * alone: Go has no escape for it inside double quotes. */
#ifndef REGEN_LITERAL_H
#define REGEN_LITERAL_H

#include "buffer.h"

#include <stdbool.h>
#include <stddef.h>

enum literal_language { LITERAL_PYTHON, LITERAL_JS, LITERAL_RUST, LITERAL_GO };

/* TEXT (UTF-8) as the contents of LANGUAGE's "..." literal, appended to OUT. */
bool literal_append(struct buffer *out, enum literal_language language, const char *text,
                    size_t length);

#endif
