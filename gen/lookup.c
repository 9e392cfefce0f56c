/* lookup.c: perfect-hash tables for the lookups, as data for templates.
 *
 * model._lookup = {
 *   index_type:  C type of an entry index + 1 ("unsigned char" ...)
 *   code:   {direct, span | hash..., slots: [{slot, value, code, name}]}
 *   reason: {hash..., max_length, slots: [{slot, offset, length, entry, key}],
 *            pool: [{offset, bytes, masks, key}], pool_size}
 *   name:   {hash..., max_length, slots: [{slot, entry, length, key}]}
 * }
 * where hash... is {seed, seed_attempts, bucket_count, bucket_mask,
 * slot_count, slot_mask, key_count, load_percent, displacement_type,
 * displacement_rows: [{first, values}]}. Slots list only the used ones. */
#include "lookup.h"
#include "buffer.h"
#include "diag.h"
#include "phash.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DISPLACEMENTS_PER_ROW 16

struct key {
    const json_t *node; /* the phrase or name in the model */
    const char *text;   /* its bytes */
    size_t length;
    size_t entry; /* index in the table */
};

struct key_set {
    struct key *keys;
    size_t count;
    bool fold; /* ASCII case-insensitive */
    bool full; /* fast mode cannot tell the keys apart */
};

static uint64_t hash_key(const void *set_pointer, size_t index, uint64_t seed)
{
    const struct key_set *set = set_pointer;
    const struct key *key = &set->keys[index];
    return phash_string(seed, (const unsigned char *)key->text, key->length, set->fold, set->full);
}

static const unsigned char *key_bytes(const void *set_pointer, size_t index, size_t *length)
{
    const struct key *key = &((const struct key_set *)set_pointer)->keys[index];
    *length = key->length;
    return (const unsigned char *)key->text;
}

static uint64_t hash_code(const void *codes, size_t index, uint64_t seed)
{
    return phash_integer(seed, ((const int64_t *)codes)[index]);
}

static const char *unsigned_type(uint64_t largest)
{
    return largest <= 0xFF     ? "unsigned char"
           : largest <= 0xFFFF ? "unsigned short"
                               : "unsigned int";
}

static json_t *hex(uint64_t value)
{
    char text[32];
    snprintf(text, sizeof text, "0x%016" PRIX64 "u", value);
    return json_string(text);
}

static json_t *displacement_rows(const struct phash *phash)
{
    json_t *rows = json_array();
    for (uint32_t first = 0; first < phash->bucket_count; first += DISPLACEMENTS_PER_ROW) {
        struct buffer values = {0};
        for (uint32_t b = first; b < first + DISPLACEMENTS_PER_ROW && b < phash->bucket_count;
             b++) {
            char number[16];
            snprintf(number, sizeof number, "%s%" PRIu32 ",", b > first ? " " : "",
                     phash->displacements[b]);
            buffer_append_string(&values, number);
        }
        json_array_append_new(rows, json_pack("{s:I, s:s}", "first", (json_int_t)first, "values",
                                              values.bytes ? values.bytes : ""));
        buffer_free(&values);
    }
    return rows;
}

/* The parameters every hashed table prints in its comment and code. */
static json_t *hash_description(const struct phash *phash, size_t key_count)
{
    uint32_t largest = 0;
    for (uint32_t b = 0; b < phash->bucket_count; b++)
        if (phash->displacements[b] > largest)
            largest = phash->displacements[b];
    return json_pack(
        "{s:o, s:o, s:i, s:i, s:I, s:I, s:I, s:I, s:I, s:i, s:s, s:o}", "seed", hex(phash->seed),
        "seed_k", hex(phash->seed ^ PHASH_K_WORDS), "seed_attempts", (int)phash->seed_attempts,
        "seed_bound", PHASH_SEEDS_PER_SIZE * (PHASH_MAX_DOUBLINGS + 1), "bucket_count",
        (json_int_t)phash->bucket_count, "bucket_mask", (json_int_t)phash->bucket_count - 1,
        "slot_count", (json_int_t)phash->slot_count, "slot_mask", (json_int_t)phash->slot_count - 1,
        "key_count", (json_int_t)key_count, "load_percent",
        (int)(key_count * 100 / phash->slot_count), "displacement_type", unsigned_type(largest),
        "displacement_rows", displacement_rows(phash));
}

static bool report_no_hash(const char *what, size_t count)
{
    fail("no perfect hash found for %zu %s within %d seeds (equal keys?)", count, what,
         PHASH_SEEDS_PER_SIZE * (PHASH_MAX_DOUBLINGS + 1));
    return false;
}

/* ---- by code ---------------------------------------------------------- */

static json_t *entry_ref(const json_t *entry, json_int_t slot)
{
    return json_pack("{s:I, s:O, s:O, s:O}", "slot", slot, "index",
                     json_object_get(entry, "_index"), "code", json_object_get(entry, "code"),
                     "name", json_object_get(entry, "name"));
}

/* The entries a lookup by code returns, in code order. */
static size_t primaries(const json_t *codes, const json_t **entries)
{
    size_t count = 0, index;
    json_t *entry;
    json_array_foreach (codes, index, entry)
        if (json_is_true(json_object_get(entry, "_primary")))
            entries[count++] = entry;
    return count;
}

static json_t *direct_code_table(const json_t **entries, size_t count, json_int_t min,
                                 json_int_t max)
{
    json_t *slots = json_array();
    for (size_t i = 0; i < count; i++) {
        json_int_t code = json_integer_value(json_object_get(entries[i], "code"));
        json_array_append_new(slots, entry_ref(entries[i], code - min));
    }
    return json_pack("{s:b, s:I, s:o}", "direct", 1, "span", max - min + 1, "slots", slots);
}

static json_t *hashed_code_table(const json_t **entries, size_t count)
{
    int64_t *codes = calloc(count ? count : 1, sizeof *codes);
    for (size_t i = 0; codes && i < count; i++)
        codes[i] = json_integer_value(json_object_get(entries[i], "code"));
    struct phash phash;
    if (!codes || !phash_build(&phash, codes, count, hash_code)) {
        free(codes);
        report_no_hash("codes", count);
        return NULL;
    }
    json_t *table = hash_description(&phash, count);
    json_t *slots = json_array();
    for (uint32_t slot = 0; slot < phash.slot_count; slot++)
        if (phash.slot_keys[slot])
            json_array_append_new(slots, entry_ref(entries[phash.slot_keys[slot] - 1], slot));
    json_object_set_new(table, "direct", json_false());
    json_object_set_new(table, "slots", slots);
    phash_free(&phash);
    free(codes);
    return table;
}

static json_t *code_table(const json_t *codes, json_int_t min, json_int_t max)
{
    const json_t **entries = calloc(json_array_size(codes) + 1, sizeof *entries);
    if (!entries)
        return NULL;
    size_t count = primaries(codes, entries);
    json_t *table = max - min < DIRECT_INDEX_LIMIT ? direct_code_table(entries, count, min, max)
                                                   : hashed_code_table(entries, count);
    free(entries);
    return table;
}

/* ---- by reason and by name -------------------------------------------- */

static bool add_key(struct key_set *set, size_t *capacity, const json_t *text, size_t entry)
{
    if (set->count == *capacity) {
        *capacity = *capacity ? *capacity * 2 : 256;
        struct key *keys = realloc(set->keys, *capacity * sizeof *keys);
        if (!keys)
            return false;
        set->keys = keys;
    }
    set->keys[set->count++] =
        (struct key){text, json_string_value(text), json_string_length(text), entry};
    return true;
}

/* Every phrase (reason, then former ones) or every name, with its entry. */
static bool collect_keys(const json_t *codes, bool phrases, struct key_set *set)
{
    size_t capacity = 0, index;
    json_t *entry;
    json_array_foreach (codes, index, entry) {
        if (!add_key(set, &capacity, json_object_get(entry, phrases ? "reason" : "name"), index))
            return false;
        size_t position;
        json_t *former;
        json_array_foreach (phrases ? json_object_get(entry, "former") : NULL, position, former) {
            if (!add_key(set, &capacity, former, index))
                return false;
        }
    }
    return true;
}

static bool is_letter(unsigned char byte)
{
    return (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
}

/* "0x6E, 0x6F," for the key's bytes: lower-cased when FOLD, or its MASK
 * (0x20 at letters, 0 elsewhere). Hex by hand: this runs for every byte of
 * every key, and snprintf would dominate the generator's time. */
static void append_bytes(struct buffer *out, const struct key *key, bool fold, bool mask)
{
    static const char digits[] = "0123456789ABCDEF";
    for (size_t i = 0; i < key->length; i++) {
        unsigned char byte = (unsigned char)key->text[i];
        unsigned char value = mask   ? (is_letter(byte) ? 0x20 : 0)
                              : fold ? (is_letter(byte) ? byte | 0x20 : byte)
                                     : byte;
        char text[6] = {' ', '0', 'x', digits[value >> 4], digits[value & 15], ','};
        buffer_append(out, i ? text : text + 1, i ? 6 : 5);
    }
}

/* A used slot and, laid out in slot order, its key in the table's pool:
 * the key's bytes (lower-cased for a case-insensitive table, then followed
 * by the mask of its letters, which the lookup ORs into the input). One
 * object per key: at 100,000 entries, every JSON member counts. */
static json_t *slot_row(uint32_t slot, size_t offset, const struct key *key, const json_t *entry,
                        bool fold)
{
    struct buffer bytes = {0}, masks = {0};
    append_bytes(&bytes, key, fold, false);
    if (fold)
        append_bytes(&masks, key, fold, true);
    json_t *row = json_object();
    json_object_set_new(row, "slot", json_integer((json_int_t)slot));
    json_object_set_new(row, "offset", json_integer((json_int_t)offset));
    json_object_set_new(row, "length", json_integer((json_int_t)key->length));
    json_object_set_new(row, "entry", json_integer((json_int_t)key->entry));
    json_object_set(row, "key", (json_t *)key->node);
    json_object_set(row, "name", json_object_get(entry, "name"));
    json_object_set_new(row, "bytes", json_stringn(bytes.bytes, bytes.length));
    if (fold)
        json_object_set_new(row, "masks", json_stringn(masks.bytes, masks.length));
    buffer_free(&bytes);
    buffer_free(&masks);
    return row;
}

static json_t *string_table(const json_t *codes, bool phrases)
{
    struct key_set set = {NULL, 0, phrases, false};
    struct phash phash;
    bool collected = collect_keys(codes, phrases, &set);
    set.full = collected && !phash_fast_mode_works(&set, set.count, key_bytes, set.fold);
    if (!collected || !phash_build(&phash, &set, set.count, hash_key)) {
        free(set.keys);
        report_no_hash(phrases ? "reason phrases" : "names", set.count);
        return NULL;
    }
    size_t pool_size = 0, max_length = 0;
    json_t *table = hash_description(&phash, set.count);
    json_t *slots = json_array();
    for (uint32_t slot = 0; slot < phash.slot_count; slot++) {
        if (!phash.slot_keys[slot])
            continue;
        const struct key *key = &set.keys[phash.slot_keys[slot] - 1];
        json_array_append_new(
            slots, slot_row(slot, pool_size, key, json_array_get(codes, key->entry), set.fold));
        pool_size += (set.fold ? 2 : 1) * key->length;
        if (key->length > max_length)
            max_length = key->length;
    }
    json_object_set_new(table, "slots", slots);
    json_object_set_new(table, "max_length", json_integer((json_int_t)max_length));
    json_object_set_new(table, "full", json_boolean(set.full));
    json_object_set_new(table, "pool_size", json_integer((json_int_t)pool_size));
    phash_free(&phash);
    free(set.keys);
    return table;
}

bool lookup_tables(json_t *model)
{
    const json_t *registry = json_object_get(model, "registry");
    const json_t *codes = json_object_get(model, "codes");
    json_int_t min = json_integer_value(json_object_get(registry, "min"));
    json_int_t max = json_integer_value(json_object_get(registry, "max"));
    json_t *by_code = code_table(codes, min, max);
    json_t *by_reason = by_code ? string_table(codes, true) : NULL;
    json_t *by_name = by_reason ? string_table(codes, false) : NULL;
    if (!by_name) {
        json_decref(by_code);
        json_decref(by_reason);
        return false;
    }
    bool reason_full = json_is_true(json_object_get(by_reason, "full"));
    bool name_full = json_is_true(json_object_get(by_name, "full"));
    json_t *lookup = json_pack("{s:s, s:o, s:o, s:o, s:b, s:b}", "index_type",
                               unsigned_type(json_array_size(codes) + 1), "code", by_code, "reason",
                               by_reason, "name", by_name, "any_full", reason_full || name_full,
                               "any_fast", !reason_full || !name_full);
    json_object_set_new(model, "_lookup", lookup);
    return lookup != NULL;
}
