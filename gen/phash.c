/* phash.c: the hash functions and the hash-and-displace builder. */
#include "phash.h"

#include <stdlib.h>
#include <string.h>

#define MULTIPLIER  0x9E3779B97F4A7C15u /* 2^64 / golden ratio, odd */
#define FOLD64      0x2020202020202020u
#define FOLD32      0x20202020u
#define BUCKET_LOAD 4 /* keys per bucket, on average */

/* Between the words of a long key: multiply, then fold the high half into
 * the low, so that the next word's XOR does not cancel this one's. */
static uint64_t mix(uint64_t x)
{
    x *= MULTIPLIER;
    return x ^ (x >> 32);
}

/* The last round, a full avalanche (MurmurHash3's 64-bit finalizer): every
 * key bit then reaches both the low half (the bucket) and the high half (the
 * slot), whatever structure the keys share. */
static uint64_t finish(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDu;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53u;
    return h ^ (h >> 33);
}

static uint64_t load64(const unsigned char *p)
{
    uint64_t value = 0;
    for (int i = 7; i >= 0; i--)
        value = value << 8 | p[i];
    return value;
}

static uint32_t load32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Keys shorter than 8 bytes are read as two overlapping 4-byte words (4 to
 * 7 bytes) or as their first, middle and last byte (1 to 3): every byte is
 * read, none past the end. */
uint64_t phash_string(uint64_t seed, const unsigned char *bytes, size_t length, bool fold)
{
    uint64_t fold64 = fold ? FOLD64 : 0, fold32 = fold ? FOLD32 : 0;
    uint64_t h = seed ^ (uint64_t)length * MULTIPLIER;
    if (length >= 8) {
        for (size_t i = 0; i + 8 < length; i += 8)
            h = mix(h ^ (load64(bytes + i) | fold64));
        return finish(h ^ (load64(bytes + length - 8) | fold64));
    }
    if (length >= 4) {
        uint64_t low = load32(bytes) | fold32, high = load32(bytes + length - 4) | fold32;
        return finish(h ^ (low | high << 32));
    }
    if (length > 0) {
        uint64_t fold8 = fold ? 0x20 : 0;
        uint64_t three = (bytes[0] | fold8) | (bytes[length / 2] | fold8) << 8 |
                         (bytes[length - 1] | fold8) << 16;
        return finish(h ^ three);
    }
    return finish(h);
}

uint64_t phash_integer(uint64_t seed, int64_t code)
{
    return finish(seed ^ (uint64_t)(uint32_t)code);
}

/* Seed number I: splitmix64, so consecutive seeds are unrelated. */
static uint64_t seed_number(uint64_t i)
{
    uint64_t z = (i + 1) * MULTIPLIER;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static uint32_t power_of_two_at_least(size_t n)
{
    uint32_t p = 1;
    while (p < n)
        p <<= 1;
    return p;
}

struct attempt {
    const struct phash *phash;
    uint64_t *hashes;       /* per key */
    uint32_t *bucket_start; /* keys sorted by bucket: bucket b holds keys[start[b]..start[b+1]) */
    uint32_t *keys_by_bucket;
    uint32_t *bucket_order; /* non-empty buckets, largest first */
    uint32_t filled;        /* how many buckets are non-empty */
};

static uint32_t bucket_of(const struct phash *phash, uint64_t h)
{
    return (uint32_t)h & (phash->bucket_count - 1);
}

static uint32_t slot_of(const struct phash *phash, uint64_t h, uint32_t displacement)
{
    return ((uint32_t)(h >> 32) ^ displacement) & (phash->slot_count - 1);
}

/* Counting sort of the keys by bucket, then the buckets by size (largest
 * first, ties by number: deterministic). */
static void group_by_bucket(struct attempt *attempt, size_t count)
{
    const struct phash *phash = attempt->phash;
    uint32_t *start = attempt->bucket_start;
    memset(start, 0, (phash->bucket_count + 1) * sizeof *start);
    for (size_t i = 0; i < count; i++)
        start[bucket_of(phash, attempt->hashes[i]) + 1]++;
    uint32_t largest = 0;
    for (uint32_t b = 0; b < phash->bucket_count; b++) {
        if (start[b + 1] > largest)
            largest = start[b + 1];
        start[b + 1] += start[b];
    }
    uint32_t *fill = attempt->bucket_order; /* borrowed as cursors first */
    memcpy(fill, start, phash->bucket_count * sizeof *fill);
    for (size_t i = 0; i < count; i++)
        attempt->keys_by_bucket[fill[bucket_of(phash, attempt->hashes[i])]++] = (uint32_t)i;
    attempt->filled = 0;
    for (uint32_t size = largest; size > 0; size--)
        for (uint32_t b = 0; b < phash->bucket_count; b++)
            if (start[b + 1] - start[b] == size)
                attempt->bucket_order[attempt->filled++] = b;
}

/* The first displacement that puts every key of BUCKET in a free slot. */
static bool place_bucket(struct attempt *attempt, uint32_t bucket, uint32_t *slot_keys)
{
    struct phash *phash = (struct phash *)attempt->phash;
    uint32_t first = attempt->bucket_start[bucket], end = attempt->bucket_start[bucket + 1];
    for (uint32_t displacement = 0; displacement < phash->slot_count; displacement++) {
        uint32_t k = first;
        for (; k < end; k++) {
            uint32_t key = attempt->keys_by_bucket[k];
            uint32_t slot = slot_of(phash, attempt->hashes[key], displacement);
            if (slot_keys[slot])
                break;
            slot_keys[slot] = key + 1; /* claimed; undone below if the bucket fails */
        }
        if (k == end) {
            phash->displacements[bucket] = displacement;
            return true;
        }
        while (k-- > first)
            slot_keys[slot_of(phash, attempt->hashes[attempt->keys_by_bucket[k]], displacement)] =
                0;
    }
    return false;
}

static bool try_seed(struct attempt *attempt, const void *keys, size_t count, phash_key_hash hash)
{
    struct phash *phash = (struct phash *)attempt->phash;
    for (size_t i = 0; i < count; i++)
        attempt->hashes[i] = hash(keys, i, phash->seed);
    group_by_bucket(attempt, count);
    memset(phash->slot_keys, 0, phash->slot_count * sizeof *phash->slot_keys);
    memset(phash->displacements, 0, phash->bucket_count * sizeof *phash->displacements);
    for (uint32_t i = 0; i < attempt->filled; i++)
        if (!place_bucket(attempt, attempt->bucket_order[i], phash->slot_keys))
            return false;
    return true;
}

static bool allocate(struct phash *phash, struct attempt *attempt, size_t count)
{
    free(phash->displacements);
    free(phash->slot_keys);
    free(attempt->bucket_start);
    free(attempt->bucket_order);
    phash->displacements = calloc(phash->bucket_count, sizeof *phash->displacements);
    phash->slot_keys = calloc(phash->slot_count, sizeof *phash->slot_keys);
    attempt->bucket_start = calloc(phash->bucket_count + 1, sizeof *attempt->bucket_start);
    attempt->bucket_order = calloc(phash->bucket_count, sizeof *attempt->bucket_order);
    return phash->displacements && phash->slot_keys && attempt->bucket_start &&
           attempt->bucket_order && attempt->hashes && attempt->keys_by_bucket && count > 0;
}

bool phash_build(struct phash *phash, const void *keys, size_t count, phash_key_hash hash)
{
    *phash = (struct phash){0};
    struct attempt attempt = {.phash = phash};
    attempt.hashes = calloc(count ? count : 1, sizeof *attempt.hashes);
    attempt.keys_by_bucket = calloc(count ? count : 1, sizeof *attempt.keys_by_bucket);
    /* Slots: a power of two with room to spare (load at most 7/8), so the
     * last buckets placed still find free slots quickly. */
    phash->slot_count = power_of_two_at_least(count + count / 8 + 1);
    phash->bucket_count = power_of_two_at_least(count / BUCKET_LOAD + 1);
    bool built = false;
    for (int doubling = 0; !built && doubling <= PHASH_MAX_DOUBLINGS; doubling++) {
        if (!allocate(phash, &attempt, count))
            break;
        for (unsigned i = 0; !built && i < PHASH_SEEDS_PER_SIZE; i++) {
            phash->seed = seed_number(phash->seed_attempts++);
            built = try_seed(&attempt, keys, count, hash);
        }
        phash->slot_count *= built ? 1 : 2;
    }
    free(attempt.hashes);
    free(attempt.keys_by_bucket);
    free(attempt.bucket_start);
    free(attempt.bucket_order);
    if (!built)
        phash_free(phash);
    return built;
}

void phash_free(struct phash *phash)
{
    free(phash->displacements);
    free(phash->slot_keys);
    phash->displacements = NULL;
    phash->slot_keys = NULL;
}
