/* wrap.h: long values in generated C broken over lines, so that the C
 * stays within 100 columns whatever the registry holds.
 *
 * An escape (escape.c) writes its text through here. A value that would
 * pass column WRAP_COLUMN is broken where C allows it, and its next line is
 * aligned under where it began:
 *   a string literal  ends with '"' and goes on in an adjacent literal
 *                     (after a space where there is one, else after a '/',
 *                     '-' or '_'), ending its line with " \" inside a
 *                     preprocessor directive;
 *   a comment         breaks at a space (or after '/', '-', '_'), the next
 *                     line aligned, or opening with " * " where the comment
 *                     has lines of its own;
 *   a character list  breaks after a comma, and goes on at the line's
 *                     indentation: the next items of its byte array.
 * A string or a comment that begins past column 72 goes on at the line's
 * indentation plus four instead, so that it keeps room to be read. */
#ifndef REGEN_WRAP_H
#define REGEN_WRAP_H

#include "buffer.h"

#include <stdbool.h>
#include <stddef.h>

/* Where a wrapped value's text ends at the latest: what closes it (at most
 * '") \' in a macro) still fits in 100 columns. */
#define WRAP_COLUMN 96

enum wrap_kind {
    WRAP_STRING,  /* the inside of a C string literal, escaped */
    WRAP_COMMENT, /* the inside of a block comment */
    WRAP_CHARS,   /* C character constants, ", " between them */
};

/* The bytes of OUT from VALUE_START on are a value just written, escaped
 * for KIND, on the line OUT holds so far: breaks them over lines where
 * they would pass WRAP_COLUMN. */
bool wrap_value(struct buffer *out, enum wrap_kind kind, size_t value_start);

#endif
