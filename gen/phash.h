/* phash.h: perfect hashes, built at generation time, for the generated
 * lookups (by code, by reason phrase, by name).
 *
 * The scheme is hash-and-displace. One 64-bit hash h of the key, seeded;
 * its low bits pick a bucket, and the slot is
 *     slot = ((h >> 32) ^ displacement[bucket]) & (slot_count - 1)
 * where the builder chose each bucket's displacement so that no two keys
 * share a slot. Lookups are then: one hash, two table reads, one key
 * comparison. Both counts are powers of two, so no division is needed.
 *
 * The hash: h = seed ^ length * K; each 8-byte word but the last is mixed
 * in (h = mix(h ^ word)); the last (or the only, shorter, word) goes through
 * a full avalanche, MurmurHash3's finalizer. The hash functions here are the
 * definition: the generated C computes the
 * same bits (templates/NAME.c.tmpl), and the lookup tests check every key. */
#ifndef REGEN_PHASH_H
#define REGEN_PHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A string of LENGTH bytes: eight bytes at a time, little-endian; with
 * FOLD every byte is OR-ed with 0x20, so ASCII letters hash alike in either
 * case (other bytes may collide too: the key comparison tells them apart). */
uint64_t phash_string(uint64_t seed, const unsigned char *bytes, size_t length, bool fold);
/* An int code, as the 32 bits of (uint32_t)code. */
uint64_t phash_integer(uint64_t seed, int64_t code);

/* How key INDEX hashes under SEED. */
typedef uint64_t (*phash_key_hash)(const void *keys, size_t index, uint64_t seed);

struct phash {
    uint64_t seed;
    unsigned seed_attempts;  /* seeds tried, this one included */
    uint32_t bucket_count;   /* a power of two */
    uint32_t slot_count;     /* a power of two, at least the key count */
    uint32_t *displacements; /* per bucket */
    uint32_t *slot_keys;     /* per slot: key index + 1; 0 for an empty slot */
};

#define PHASH_SEEDS_PER_SIZE 32 /* seeds tried before the table doubles */
#define PHASH_MAX_DOUBLINGS  4  /* the bound: then the build gives up */

/* Builds a perfect hash of COUNT keys. Deterministic: the same keys give the
 * same tables on any machine. False only when no seed worked within the
 * bound (equal keys, in practice) or memory ran out. */
bool phash_build(struct phash *phash, const void *keys, size_t count, phash_key_hash hash);
void phash_free(struct phash *phash);

#endif
