/* key_set.h: a set of byte strings, each kept with the node it came from,
 * for the checks that every code, name and phrase is used once.
 *
 * A registry of 100,000 entries has some 300,000 such keys. A Jansson
 * object, which held them before, allocates a pair per key and rehashes as
 * it grows: most of the check's time went there. Here the keys are copied
 * into one pool, a slot is a hash, a place in the pool and a node, and the
 * set is sized for the keys it expects. */
#ifndef REGEN_KEY_SET_H
#define REGEN_KEY_SET_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

struct key_set;

/* EXPECTED is a hint: the set grows past it. NULL when out of memory. */
struct key_set *key_set_new(size_t expected);
void key_set_free(struct key_set *set);
/* The node KEY was added with, or NULL. */
const json_t *key_set_find(const struct key_set *set, const char *key, size_t length);
/* Adds a copy of KEY, which is not in the set yet, with NODE (not NULL).
 * False when out of memory. */
bool key_set_add(struct key_set *set, const char *key, size_t length, const json_t *node);

#endif
