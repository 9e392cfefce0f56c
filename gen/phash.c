/* phash.c: the hash functions and the hash-and-displace builder. */
#include "phash.h"

#include <stdlib.h>
#include <string.h>

#define MULTIPLIER  0x9E3779B97F4A7C15u /* 2^64 / golden ratio, odd */
#define K_WORDS     PHASH_K_WORDS
#define K_CHAIN     PHASH_K_CHAIN
#define FOLD64      PHASH_FOLD
#define BUCKET_LOAD 4 /* keys per bucket, on average */

/* The 128-bit product from 32-bit halves: portable and exact, so regen and
 * the generated C (which may use unsigned __int128) agree on every bit. */
uint64_t phash_mum(uint64_t x, uint64_t y)
{
    uint64_t x_low = x & 0xFFFFFFFFu, x_high = x >> 32;
    uint64_t y_low = y & 0xFFFFFFFFu, y_high = y >> 32;
    uint64_t low_low = x_low * y_low, low_high = x_low * y_high;
    uint64_t high_low = x_high * y_low, high_high = x_high * y_high;
    uint64_t middle = (low_low >> 32) + (low_high & 0xFFFFFFFFu) + (high_low & 0xFFFFFFFFu);
    uint64_t low = (middle << 32) | (low_low & 0xFFFFFFFFu);
    uint64_t high = high_high + (low_high >> 32) + (high_low >> 32) + (middle >> 32);
    return low ^ high;
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

void phash_words(const unsigned char *bytes, size_t length, bool fold, uint64_t *a, uint64_t *b)
{
    uint64_t f = fold ? FOLD64 : 0;
    if (length >= 8) {
        *a = load64(bytes) | f;
        *b = load64(bytes + length - 8) | f;
    } else if (length >= 4) {
        *a = load32(bytes) | (f & 0xFFFFFFFFu);
        *b = load32(bytes + length - 4) | (f & 0xFFFFFFFFu);
    } else {
        *a = length ? ((uint64_t)bytes[0] | (uint64_t)bytes[length / 2] << 8 |
                       (uint64_t)bytes[length - 1] << 16) |
                          (f & 0xFFFFFFu)
                    : 0;
        *b = 0;
    }
}

/* For keys of 8 bytes or more, what lies between the first and the last
 * eight bytes: up to PHASH_ONE_MIDDLE_WORD_MAX (24) bytes, the word at
 * (length - 8) / 2, which with the other two covers every byte without a
 * loop; beyond, the XOR of the words at 8, 16, ... before the last eight. */
static uint64_t middle_words(const unsigned char *bytes, size_t length, bool fold)
{
    uint64_t f = fold ? FOLD64 : 0;
    if (length < 8)
        return 0;
    if (length <= PHASH_ONE_MIDDLE_WORD_MAX)
        return load64(bytes + (length - 8) / 2) | f;
    uint64_t c = 0;
    for (size_t i = 8; i + 8 < length; i += 8)
        c ^= load64(bytes + i) | f;
    return c;
}

/* What fast mode multiplies, before the seed: for 8 bytes or more x = a,
 * y = b ^ c ^ K (the length is left out: the lookup checks it against the
 * slot); below 8 bytes, where the words depend on the length, x = a ^
 * length, y = b ^ length ^ K. */
static void fast_inputs(const unsigned char *bytes, size_t length, bool fold, uint64_t *x,
                        uint64_t *y)
{
    uint64_t a, b;
    phash_words(bytes, length, fold, &a, &b);
    if (length >= 8) {
        *x = a;
        *y = b ^ middle_words(bytes, length, fold) ^ K_WORDS;
    } else {
        *x = a ^ length;
        *y = b ^ length ^ K_WORDS;
    }
}

uint64_t phash_string(uint64_t seed, const unsigned char *bytes, size_t length, bool fold,
                      bool full)
{
    uint64_t a, b;
    if (!full) {
        fast_inputs(bytes, length, fold, &a, &b);
        return length >= 8 ? phash_mum(a ^ seed, b) : phash_mum(a ^ seed, b ^ seed);
    }
    phash_words(bytes, length, fold, &a, &b);
    uint64_t m = phash_mum(seed ^ length, K_CHAIN);
    for (size_t i = 8; i + 8 < length; i += 8)
        m = phash_mum(m ^ (load64(bytes + i) | (fold ? FOLD64 : 0)), K_CHAIN);
    return phash_mum(a ^ m, b ^ m ^ K_WORDS);
}

struct word_pair {
    uint64_t a, b;
    bool long_key;
};

static int compare_pairs(const void *left, const void *right)
{
    const struct word_pair *x = left, *y = right;
    if (x->long_key != y->long_key)
        return x->long_key ? 1 : -1;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    return (x->b > y->b) - (x->b < y->b);
}

bool phash_fast_mode_works(const void *keys, size_t count, phash_key_bytes key, bool fold)
{
    struct word_pair *pairs = calloc(count ? count : 1, sizeof *pairs);
    if (!pairs)
        return false;
    for (size_t i = 0; i < count; i++) {
        size_t length;
        const unsigned char *bytes = key(keys, i, &length);
        fast_inputs(bytes, length, fold, &pairs[i].a, &pairs[i].b);
        pairs[i].long_key = length >= 8; /* the two kinds are hashed apart */
    }
    qsort(pairs, count, sizeof *pairs, compare_pairs);
    bool distinct = true;
    for (size_t i = 1; distinct && i < count; i++)
        distinct = compare_pairs(&pairs[i - 1], &pairs[i]) != 0;
    free(pairs);
    return distinct;
}

uint64_t phash_integer(uint64_t seed, int64_t code)
{
    return phash_mum(seed ^ (uint64_t)(uint32_t)code, K_WORDS);
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

/* Two keys of one bucket whose slot bits are equal land in one slot
 * whatever the displacement: the seed cannot work. Checked before placing,
 * since a large table meets such a pair often (about two seeds in three at
 * 100,000 keys) and would otherwise find out only after placing half of it
 * and trying every displacement on that bucket. */
static bool has_inseparable_pair(const struct attempt *attempt)
{
    const struct phash *phash = attempt->phash;
    for (uint32_t i = 0; i < attempt->filled; i++) {
        uint32_t bucket = attempt->bucket_order[i];
        uint32_t first = attempt->bucket_start[bucket], end = attempt->bucket_start[bucket + 1];
        if (end - first < 2)
            break; /* largest first: the rest hold one key each */
        for (uint32_t j = first; j < end; j++)
            for (uint32_t k = j + 1; k < end; k++)
                if (slot_of(phash, attempt->hashes[attempt->keys_by_bucket[j]], 0) ==
                    slot_of(phash, attempt->hashes[attempt->keys_by_bucket[k]], 0))
                    return true;
    }
    return false;
}

static bool try_seed(struct attempt *attempt, const void *keys, size_t count, phash_key_hash hash)
{
    struct phash *phash = (struct phash *)attempt->phash;
    for (size_t i = 0; i < count; i++)
        attempt->hashes[i] = hash(keys, i, phash->seed);
    group_by_bucket(attempt, count);
    if (has_inseparable_pair(attempt))
        return false;
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
