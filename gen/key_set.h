/* key_set.h: a set of byte strings, each kept with the node it came from,
 * for the checks that every code, name and phrase is used once.
 *
 * The keys are copied into one pool; a slot holds a key's hash, its place
 * in the pool and its node. Its hash is its own (FNV-1a), so that the
 * lookups' hash (phash.c) can change without touching the check. */
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
/* Sets *FIRST to the node KEY was added with; when there is none, to NULL,
 * and adds a copy of KEY with NODE (not NULL). False when out of memory. */
bool key_set_claim(struct key_set *set, const char *key, size_t length, const json_t *node,
                   const json_t **first);

#endif
