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
 * The hash functions here are the definition: the generated C computes the
 * same bits (templates/NAME.c.tmpl), and the lookup tests check every key. */
#ifndef REGEN_PHASH_H
#define REGEN_PHASH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The two words a key is hashed (and compared) by: for 8 bytes or more,
 * the first and the last eight, little-endian, overlapping when shorter than
 * 16; for 4 to 7 bytes, the first and last four; for 1 to 3, the first,
 * middle and last byte in A and 0 in B. FOLD is OR-ed into every byte read
 * (0x20 folds ASCII case; other bytes may collide, the compare tells). */
void phash_words(const unsigned char *bytes, size_t length, bool fold, uint64_t *a, uint64_t *b);

/* The string hash. Fast mode, when it tells every key of the table apart
 * (phash_fast_mode_works), is h = mum(a ^ seed, b ^ c ^ K) for 8 bytes or
 * more, c being the word at (length - 8) / 2 up to PHASH_ONE_MIDDLE_WORD_MAX
 * bytes, else the XOR of the words at 8, 16, ... before the last eight; and
 * h = mum(a ^ seed ^ length, b ^ seed ^ length ^ K) below 8 bytes. Full
 * mode first chains the words between them: m = mum(seed ^ length, K2),
 * m = mum(m ^ word, K2) for each middle word, then h = mum(a ^ m, b ^ m ^ K);
 * equal hash inputs then mean equal keys. mum(x, y) is the 128-bit
 * product's high half XOR its low half. */
uint64_t phash_string(uint64_t seed, const unsigned char *bytes, size_t length, bool fold,
                      bool full);
/* Whether fast mode tells the COUNT keys apart (their KEY(i) bytes and
 * lengths): no two feed the multiply the same pair whatever the seed. */
typedef const unsigned char *(*phash_key_bytes)(const void *keys, size_t index, size_t *length);
bool phash_fast_mode_works(const void *keys, size_t count, phash_key_bytes key, bool fold);

/* An int code: mum(seed ^ (uint32_t)code, K). */
uint64_t phash_integer(uint64_t seed, int64_t code);
uint64_t phash_mum(uint64_t x, uint64_t y);

/* The hash's constants: the generated C reads them from the model
 * (lookup.c), so that regen and the lookups cannot disagree. */
#define PHASH_K_WORDS 0xE7037ED1A0B428DBu /* the K above */
#define PHASH_K_CHAIN 0x8EBC6AF09C88C6E3u /* the K2 above */
#define PHASH_FOLD    0x2020202020202020u /* 0x20 in every byte: ASCII case folded */
/* The longest key whose middle is one word (c above): 8 to this many bytes
 * are hashed, and compared by the generated lookups, as three words. */
#define PHASH_ONE_MIDDLE_WORD_MAX 24

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
