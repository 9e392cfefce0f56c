/* text.h: what a string of the registry may hold, and names made from it. */
#ifndef REGEN_TEXT_H
#define REGEN_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#define MAX_STRING_BYTES 4000 /* C99 compilers need only accept 4095-byte literals */
#define MAX_PHRASE_BYTES 200

/* A plain scalar YAML reads as null: empty, "~", or "null" in any case. */
bool text_is_null_like(const char *text, size_t length);
/* An integer from MIN to MAX (MIN < 0 <= MAX) in plain decimal: a '-' or
 * nothing, then digits without a leading zero ("0", not "-0" or "00"). */
bool text_to_integer(const char *text, size_t length, long long min, long long max,
                     long long *value);
/* Printable ASCII (0x20-0x7E), not empty, no space at either end. */
bool text_is_phrase(const char *text, size_t length);
/* No control character at all: C0 (tab, CR, LF ...), DEL, or C1. */
bool text_is_single_line(const char *text, size_t length);
/* As single-line, but line feeds are allowed. */
bool text_is_multi_line(const char *text, size_t length);
/* [a-z][a-z0-9_]* (lower) or [A-Z][A-Z0-9_]* (upper). */
bool text_is_lower_identifier(const char *text);
bool text_is_upper_identifier(const char *text);
bool text_is_c_keyword(const char *text);
/* The language ("C or C++", "Python", "TypeScript", "Rust", "Go") of which
 * TEXT is a keyword, or NULL. */
const char *text_keyword_language(const char *text);
/* Whether TEXT is a keyword of LANGUAGE, named as above. */
bool text_is_keyword_of(const char *text, const char *language);

/* The symbolic name for a reason phrase: upper case, each run of other
 * characters one '_', none at either end. The caller frees it. The result
 * may still be no valid identifier (empty, or starting with a digit). */
char *text_name_from_reason(const char *reason);
/* Upper-cases an identifier: "client_error" -> "CLIENT_ERROR". */
char *text_upper(const char *text);
/* ASCII lower-case copy, for case-insensitive comparisons of phrases. */
char *text_fold(const char *text);

/* A short, printable rendering of TEXT for error messages: at most about 40
 * characters, control bytes as \xNN. Written into BUFFER. */
const char *text_quote(const char *text, size_t length, char *buffer, size_t size);
#define QUOTE_BUFFER 200

#endif
