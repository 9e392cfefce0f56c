/* json_text.h: a model value as JSON text, for {{{@json}}}. */
#ifndef REGEN_JSON_TEXT_H
#define REGEN_JSON_TEXT_H

#include "buffer.h"

#include <jansson.h>
#include <stdbool.h>

/* VALUE without the keys that begin with '_', at any depth, appended to OUT
 * as json_dumps(..., JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)
 * would write it: byte for byte the same, without copying the model. */
bool json_text_append(struct buffer *out, const json_t *value);

#endif
