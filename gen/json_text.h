/* json_text.h: JSON text written by Jansson, the one JSON writer regen has:
 * {{{@json}}} and the json escape both go through it. */
#ifndef REGEN_JSON_TEXT_H
#define REGEN_JSON_TEXT_H

#include "buffer.h"

#include <jansson.h>
#include <stdbool.h>

/* VALUE without the keys that begin with '_' (the templates' helpers, not
 * the data), at any depth, appended to OUT as Jansson dumps it with
 * JSON_INDENT(2) | JSON_PRESERVE_ORDER. */
bool json_text_append(struct buffer *out, const json_t *value);

/* The LENGTH bytes of TEXT (valid UTF-8) as the inside of a JSON string:
 * what Jansson writes between the quotes. */
bool json_text_append_string(struct buffer *out, const char *text, size_t length);

#endif
