/* key_set.c: open addressing over 64-bit hashes, keys in one pool. */
#include "key_set.h"
#include "buffer.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct slot {
    uint64_t hash;
    size_t offset, length; /* the key's bytes in the pool */
    const json_t *node;    /* NULL: an empty slot */
};

struct key_set {
    struct slot *slots;
    size_t capacity; /* a power of two, at least twice the keys held */
    size_t count;
    struct buffer pool; /* every key's bytes, one after another */
};

/* FNV-1a, 64-bit: a few hundred keys of a few dozen bytes need nothing more. */
static uint64_t hash_of(const char *key, size_t length)
{
    uint64_t hash = 0xCBF29CE484222325u;
    for (size_t i = 0; i < length; i++)
        hash = (hash ^ (unsigned char)key[i]) * 0x100000001B3u;
    return hash;
}

static struct slot *slots_new(size_t capacity)
{
    return calloc(capacity, sizeof(struct slot));
}

struct key_set *key_set_new(size_t expected)
{
    struct key_set *set = calloc(1, sizeof *set);
    if (!set)
        return NULL;
    set->capacity = 16;
    while (set->capacity < 2 * expected)
        set->capacity *= 2;
    set->slots = slots_new(set->capacity);
    if (!set->slots) {
        free(set);
        return NULL;
    }
    return set;
}

void key_set_free(struct key_set *set)
{
    if (set) {
        free(set->slots);
        buffer_free(&set->pool);
        free(set);
    }
}

/* KEY's slot, or the empty slot where it would go. */
static struct slot *slot_for(struct slot *slots, size_t capacity, const char *pool, uint64_t hash,
                             const char *key, size_t length)
{
    size_t index = (size_t)hash & (capacity - 1);
    for (;; index = (index + 1) & (capacity - 1)) {
        struct slot *slot = &slots[index];
        if (!slot->node)
            return slot;
        if (slot->hash == hash && slot->length == length &&
            memcmp(pool + slot->offset, key, length) == 0)
            return slot;
    }
}

const json_t *key_set_find(const struct key_set *set, const char *key, size_t length)
{
    uint64_t hash = hash_of(key, length);
    return slot_for(set->slots, set->capacity, set->pool.bytes, hash, key, length)->node;
}

static bool grow_slots(struct key_set *set)
{
    size_t capacity = set->capacity * 2;
    struct slot *slots = slots_new(capacity);
    if (!slots)
        return false;
    for (size_t i = 0; i < set->capacity; i++) {
        const struct slot *old = &set->slots[i];
        if (old->node)
            *slot_for(slots, capacity, set->pool.bytes, old->hash, set->pool.bytes + old->offset,
                      old->length) = *old;
    }
    free(set->slots);
    set->slots = slots;
    set->capacity = capacity;
    return true;
}

bool key_set_claim(struct key_set *set, const char *key, size_t length, const json_t *node,
                   const json_t **first)
{
    uint64_t hash = hash_of(key, length);
    struct slot *slot = slot_for(set->slots, set->capacity, set->pool.bytes, hash, key, length);
    *first = slot->node;
    if (slot->node)
        return true;
    size_t offset = set->pool.length;
    if (!buffer_append(&set->pool, key, length))
        return false;
    if (2 * (set->count + 1) > set->capacity) {
        if (!grow_slots(set))
            return false;
        slot = slot_for(set->slots, set->capacity, set->pool.bytes, hash, key, length);
    }
    *slot = (struct slot){hash, offset, length, node};
    set->count++;
    return true;
}
