/* where.h: source locations of loaded values, kept beside the model.
 *
 * The model is a plain Jansson value, so it has no room for line and column.
 * The loader records, for every node it creates, where the node (and the key
 * that introduced it) stood in the file; later stages ask here when they need
 * to point an error at a value. Nodes created after loading have no entry. */
#ifndef REGEN_WHERE_H
#define REGEN_WHERE_H

#include "diag.h"

#include <jansson.h>
#include <stdbool.h>

struct where {
    struct mark at;  /* the value itself */
    struct mark key; /* the mapping key that introduced it, if any */
    bool plain;      /* a plain (unquoted) scalar, which may be an integer */
};

struct where_table;

/* EXPECTED: about how many nodes the table will hold. It grows past that,
 * but each doubling rehashes every node, and at a million nodes the
 * doublings cost more than the nodes. */
struct where_table *where_new(size_t expected);
void where_free(struct where_table *table);
bool where_put(struct where_table *table, const json_t *node, struct where where);
const struct where *where_of(const struct where_table *table, const json_t *node);
struct mark mark_of(const struct where_table *table, const json_t *node);
struct mark key_mark_of(const struct where_table *table, const json_t *node);

#endif
