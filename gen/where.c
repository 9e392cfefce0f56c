/* where.c: an open-addressing map from a model node to its source location. */
#include "where.h"

#include <stdint.h>
#include <stdlib.h>

struct slot {
    const json_t *node;
    struct where where;
};

struct where_table {
    struct slot *slots;
    size_t capacity; /* a power of two */
    size_t used;
};

struct where_table *where_new(size_t expected)
{
    struct where_table *table = calloc(1, sizeof *table);
    size_t capacity = 256;
    while (capacity < 2 * expected)
        capacity *= 2;
    if (table && !(table->slots = calloc(capacity, sizeof *table->slots))) {
        free(table);
        return NULL;
    }
    if (table)
        table->capacity = capacity;
    return table;
}

void where_free(struct where_table *table)
{
    if (table) {
        free(table->slots);
        free(table);
    }
}

/* Nodes are heap blocks (the low four bits carry nothing), made in the
 * order the loader reads them, so neighbours in the file are neighbours in
 * memory. The page is hashed, the place within it is kept: a page's nodes
 * land in one run of slots, and a large file fills the table in runs
 * instead of a cache miss per node. */
static size_t slot_index(const json_t *node, size_t capacity)
{
    uint64_t address = (uint64_t)(uintptr_t)node;
    uint64_t page = address >> 12, within = (address >> 4) & 0xFF;
    return (size_t)(((page * 0x9E3779B97F4A7C15u) >> 24) + within) & (capacity - 1);
}

static struct slot *find_slot(struct slot *slots, size_t capacity, const json_t *node)
{
    size_t index = slot_index(node, capacity);
    while (slots[index].node && slots[index].node != node)
        index = (index + 1) & (capacity - 1);
    return &slots[index];
}

static bool grow(struct where_table *table)
{
    size_t capacity = table->capacity ? table->capacity * 2 : 256;
    struct slot *slots = calloc(capacity, sizeof *slots);
    if (!slots)
        return false;
    for (size_t i = 0; i < table->capacity; i++) {
        const struct slot *old = &table->slots[i];
        if (old->node)
            *find_slot(slots, capacity, old->node) = *old;
    }
    free(table->slots);
    table->slots = slots;
    table->capacity = capacity;
    return true;
}

bool where_put(struct where_table *table, const json_t *node, struct where where)
{
    /* Keep the load factor under 1/2 so probe runs stay short. */
    if ((table->used + 1) * 2 > table->capacity && !grow(table))
        return false;
    struct slot *slot = find_slot(table->slots, table->capacity, node);
    if (!slot->node)
        table->used++;
    slot->node = node;
    slot->where = where;
    return true;
}

const struct where *where_of(const struct where_table *table, const json_t *node)
{
    if (!table->capacity || !node)
        return NULL;
    const struct slot *slot = find_slot(table->slots, table->capacity, node);
    return slot->node ? &slot->where : NULL;
}

struct mark mark_of(const struct where_table *table, const json_t *node)
{
    const struct where *where = where_of(table, node);
    return where ? where->at : (struct mark){0, 0};
}

struct mark key_mark_of(const struct where_table *table, const json_t *node)
{
    const struct where *where = where_of(table, node);
    return where ? where->key : (struct mark){0, 0};
}
