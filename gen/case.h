/* case.h: case conversions of text, for names in other languages' styles.
 *
 * A template writes {{name | pascal}} to get HttpStatus from HTTP_STATUS.
 * The text is split into words at every ASCII byte that is not a letter or
 * a digit, and where the case turns: "notFound" is not, Found;
 * "HTTPStatus" is HTTP, Status. A digit does not split a word ("http2").
 * An apostrophe joins ("I'm" is one word, Im in a name), and a non-ASCII
 * byte is part of a word and has no case. */
#ifndef REGEN_CASE_H
#define REGEN_CASE_H

#include "buffer.h"

#include <stdbool.h>
#include <stddef.h>

enum case_filter {
    CASE_SNAKE,  /* not_found */
    CASE_CAMEL,  /* notFound */
    CASE_PASCAL, /* NotFound */
    CASE_KEBAB,  /* not-found */
    CASE_UPPER,  /* the whole text in capitals, as it is otherwise */
    CASE_LOWER,  /* the whole text in small letters, as it is otherwise */
    CASE_TITLE,  /* Not Found: each word capitalized, words split by spaces */
};

/* The case conversion named NAME ("snake", "camel" ...), if it is one. */
bool case_from_name(const char *name, size_t length, enum case_filter *filter);
/* "snake, camel, ...": every name, for messages. */
const char *case_names(void);
/* TEXT converted by FILTER, appended to OUT. */
bool case_append(struct buffer *out, enum case_filter filter, const char *text, size_t length);

#endif
