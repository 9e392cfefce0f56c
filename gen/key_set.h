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
#include <stdint.h>

struct key_set;

/* EXPECTED is a hint: the set grows past it. NULL when out of memory. */
struct key_set *key_set_new(size_t expected);
void key_set_free(struct key_set *set);
/* KEY's hash, for the calls that take one: made ahead, so that a caller
 * can fetch a key's slot early (key_set_prefetch). */
uint64_t key_set_hash(const char *key, size_t length);
/* Starts fetching the slot a key of HASH probes first. In a set of some
 * 100,000 keys each probe is a cache miss; a caller that walks its keys in
 * order fetches a few keys ahead, and the misses overlap. */
void key_set_prefetch(const struct key_set *set, uint64_t hash);
/* The node KEY was added with, or NULL. */
const json_t *key_set_find(const struct key_set *set, const char *key, size_t length);
/* Sets *FIRST to the node KEY was added with; when there is none, to NULL,
 * and adds a copy of KEY with NODE (not NULL). HASH is
 * key_set_hash(KEY, LENGTH). False when out of memory. */
bool key_set_claim(struct key_set *set, const char *key, size_t length, uint64_t hash,
                   const json_t *node, const json_t **first);

#endif
