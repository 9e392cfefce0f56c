/* phash_test.c: the perfect-hash builder on random and adversarial key
 * sets of 1 to 20,000 keys: it always builds, every key gets its own slot,
 * the slot found from a key's hash holds that key, and the same keys give
 * the same tables twice. Deterministic (a fixed PRNG), so a failure
 * reproduces. Usage: phash_test [SIZE...] */
#include "phash.h"
#include "xorshift.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct keys {
    char **text;
    size_t *length;
    size_t count;
    bool fold;
    bool full; /* fast mode cannot tell these keys apart */
};

static uint64_t rng_state = 0x853C49E6748FEA9Bu;

static uint64_t next_random(void)
{
    return xorshift64(&rng_state);
}

static uint64_t hash_key(const void *keys_pointer, size_t index, uint64_t seed)
{
    const struct keys *keys = keys_pointer;
    return phash_string(seed, (const unsigned char *)keys->text[index], keys->length[index],
                        keys->fold, keys->full);
}

static const unsigned char *key_bytes(const void *keys_pointer, size_t index, size_t *length)
{
    const struct keys *keys = keys_pointer;
    *length = keys->length[index];
    return (const unsigned char *)keys->text[index];
}

static void set_key(struct keys *keys, size_t index, const char *text, size_t length)
{
    keys->text[index] = malloc(length + 1);
    memcpy(keys->text[index], text, length);
    keys->text[index][length] = '\0';
    keys->length[index] = length;
}

enum shape { RANDOM, CASE_OF_ONE_LETTER, LATE_BYTE, LONG_PREFIX, SHORT, INTEGERS, SWAPPED };
static const char *const shape_names[] = {
    "random", "case-of-one-letter", "late-byte",     "long-prefix",
    "short",  "integers",           "swapped-middle"};

/* COUNT distinct keys of SHAPE. Distinctness is by construction: each key
 * embeds its index in a different place per shape. */
static void make_keys(struct keys *keys, size_t count, enum shape shape)
{
    keys->count = count;
    keys->text = calloc(count, sizeof *keys->text);
    keys->length = calloc(count, sizeof *keys->length);
    keys->fold = shape != CASE_OF_ONE_LETTER; /* names are exact: case matters */
    char buffer[300];
    for (size_t i = 0; i < count; i++) {
        size_t length = 0;
        switch (shape) {
        case RANDOM:
            length = (size_t)snprintf(buffer, sizeof buffer, "%zu-", i);
            for (size_t extra = next_random() % 40; extra > 0; extra--)
                buffer[length++] = (char)(32 + next_random() % 95);
            break;
        case CASE_OF_ONE_LETTER: /* 15 bits of case over "abcdefghijklmno" + a block */
            length = (size_t)snprintf(buffer, sizeof buffer, "abcdefghijklmno%zu", i >> 15);
            for (int bit = 0; bit < 15; bit++)
                if (i >> bit & 1)
                    buffer[bit] = (char)(buffer[bit] - 'a' + 'A');
            break;
        case LATE_BYTE: /* the same 60 bytes, then a different tail */
            memset(buffer, 'x', 60);
            length = 60 + (size_t)snprintf(buffer + 60, sizeof buffer - 60, "%zu", i);
            break;
        case LONG_PREFIX: /* a shared 200-byte prefix and a middle that differs */
            memset(buffer, 'p', 250);
            snprintf(buffer + 100, 24, "%zu", i);
            buffer[100 + strlen(buffer + 100)] = 'p';
            length = 250;
            break;
        case SHORT: /* the decimal index: 1 to 5 bytes */
            length = (size_t)snprintf(buffer, sizeof buffer, "%zu", i);
            break;
        case SWAPPED: /* two middle words swapped: their XOR is the same, so
                         fast mode cannot tell the pair apart and full mode runs */
            length = (size_t)snprintf(buffer, sizeof buffer, "%08zu%08zu%08zu%08zu", i / 2,
                                      i % 2 ? i / 2 + 1 : i / 2 + 2, i % 2 ? i / 2 + 2 : i / 2 + 1,
                                      i / 2);
            break;
        case INTEGERS:
            length = (size_t)snprintf(buffer, sizeof buffer, "%zu", i * 2654435761u % 2147483647u);
            break;
        }
        set_key(keys, i, buffer, length);
    }
}

static void free_keys(struct keys *keys)
{
    for (size_t i = 0; i < keys->count; i++)
        free(keys->text[i]);
    free(keys->text);
    free(keys->length);
}

static int check(const struct phash *phash, const struct keys *keys, const char *label)
{
    int failures = 0;
    size_t used = 0;
    for (uint32_t slot = 0; slot < phash->slot_count; slot++)
        used += phash->slot_keys[slot] != 0;
    if (used != keys->count) {
        printf("FAIL %s: %zu slots used for %zu keys\n", label, used, keys->count);
        failures++;
    }
    for (size_t i = 0; i < keys->count && failures < 5; i++) {
        uint64_t h = hash_key(keys, i, phash->seed);
        uint32_t bucket = (uint32_t)h & (phash->bucket_count - 1);
        uint32_t slot =
            ((uint32_t)(h >> 32) ^ phash->displacements[bucket]) & (phash->slot_count - 1);
        if (phash->slot_keys[slot] != i + 1) {
            printf("FAIL %s: key %zu hashes to slot %u, which holds %u\n", label, i, slot,
                   phash->slot_keys[slot]);
            failures++;
        }
    }
    return failures;
}

static int same_tables(const struct phash *a, const struct phash *b)
{
    return a->seed == b->seed && a->slot_count == b->slot_count &&
           a->bucket_count == b->bucket_count &&
           memcmp(a->slot_keys, b->slot_keys, a->slot_count * sizeof *a->slot_keys) == 0 &&
           memcmp(a->displacements, b->displacements, a->bucket_count * sizeof *a->displacements) ==
               0;
}

static int run(size_t count, enum shape shape)
{
    struct keys keys;
    make_keys(&keys, count, shape);
    char label[64];
    snprintf(label, sizeof label, "%s/%zu", shape_names[shape], count);
    struct phash first, second;
    int failures = 0;
    keys.full = !phash_fast_mode_works(&keys, keys.count, key_bytes, keys.fold);
    if (!phash_build(&first, &keys, keys.count, hash_key)) {
        printf("FAIL %s: no perfect hash\n", label);
        free_keys(&keys);
        return 1;
    }
    failures += check(&first, &keys, label);
    if (!phash_build(&second, &keys, keys.count, hash_key) || !same_tables(&first, &second)) {
        printf("FAIL %s: a second build gave other tables\n", label);
        failures++;
    }
    if (!failures)
        printf("ok %s (%s mode): %u slots, %u buckets, seed try %u\n", label,
               keys.full ? "full" : "fast", first.slot_count, first.bucket_count,
               first.seed_attempts);
    phash_free(&first);
    phash_free(&second);
    free_keys(&keys);
    return failures;
}

int main(int argc, char **argv)
{
    static const size_t default_sizes[] = {1, 2, 3, 5, 8, 17, 100, 1000, 5000, 20000};
    size_t sizes[64], size_count = 0;
    for (int i = 1; i < argc && size_count < 64; i++)
        sizes[size_count++] = (size_t)strtoul(argv[i], NULL, 10);
    if (!size_count) {
        size_count = sizeof default_sizes / sizeof *default_sizes;
        memcpy(sizes, default_sizes, sizeof default_sizes);
    }
    int failures = 0;
    for (size_t s = 0; s < size_count; s++)
        for (int shape = RANDOM; shape <= SWAPPED; shape++)
            failures += run(sizes[s], (enum shape)shape);
    printf("%s\n", failures ? "FAILED" : "all built");
    return failures != 0;
}
