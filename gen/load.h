/* load.h: registry.yaml -> the model (a Jansson value), every node located.
 *
 * Every scalar becomes a JSON string exactly as written; whether it was plain
 * (unquoted) is kept in the where table, because only the check stage knows
 * which keys hold integers. Structural problems are refused here: syntax
 * errors, anchors, aliases, tags, duplicate mapping keys, several documents,
 * nesting deeper than MAX_DEPTH, lists longer than MAX_ITEMS. */
#ifndef REGEN_LOAD_H
#define REGEN_LOAD_H

#include "diag.h"
#include "source.h"
#include "where.h"

#include <jansson.h>

#define MAX_DEPTH 64
#define MAX_ITEMS 1000000

/* Returns the model, or NULL after adding at least one error to DIAGS when
 * the file cannot be followed further. Anchors, tags and duplicate keys are
 * reported and the model still returned (a duplicate key keeps its first
 * value), so that the rest of the registry is checked in the same run. */
json_t *load_registry(const struct source *source, struct where_table *where, struct diags *diags);

#endif
