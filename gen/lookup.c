/* lookup.c: perfect-hash tables for the lookups, as data for templates.
 *
 * model._lookup holds everything NAME.c.tmpl prints about them:
 *   index_type       C type of an entry index + 1 ("unsigned char" ...)
 *   any_full         whether some string table needs full-mode hashing
 *   k_words, k_chain, fold
 *                    the hash's constants, in hex (phash.h)
 *   main_path        {min_length, max_length, span}: keys hashed and compared
 *                    as three words, in one straight line (phash.h)
 *   code             {direct: {span}} for a small range, else {hash: {hash...}};
 *                    slots: [{slot, entry}], the entry each code's slot holds
 *                    (one of direct and hash is there: a section tests it)
 *   strings          the reason table, then the name table, each
 *                    {kind ("reason", "name"), fold, full, max_length,
 *                    pool_size, hash..., slots}; slots: [{slot, offset,
 *                    length, entry, text}], and for the folded table also
 *                    folded: {key (lower-cased), mask (' ' at letters, NUL
 *                    elsewhere)}
 * where hash... is {seed, seed_attempts, seed_bound, bucket_count,
 * bucket_mask, slot_count, slot_mask, key_count, load_percent,
 * displacement_type, displacement_rows: [{first, values}]}, and entry is the
 * entry object itself, as it stands in model.codes. Slots are listed in key
 * order (entry order; an entry's reason, then its former phrases), which is
 * also the order of the keys in their pool. */
#include "lookup.h"
#include "buffer.h"
#include "diag.h"
#include "phash.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DISPLACEMENTS_PER_ROW 16
#define WORD_BYTES            8 /* the main path reads three words */

/* A key of a string table: the entry it belongs to, its string in the
 * model, and that string's bytes. */
struct key {
    json_t *entry;
    json_t *node;
    const char *text;
    size_t length;
};

struct string_keys {
    const char *kind; /* "reason" or "name" */
    bool fold;        /* ASCII case-insensitive */
    struct key *keys;
    size_t count, capacity;
};

static uint64_t hash_key(const void *set_pointer, size_t index, uint64_t seed, bool full)
{
    const struct string_keys *set = set_pointer;
    const struct key *key = &set->keys[index];
    return phash_string(seed, (const unsigned char *)key->text, key->length, set->fold, full);
}

static uint64_t hash_key_fast(const void *set, size_t index, uint64_t seed)
{
    return hash_key(set, index, seed, false);
}

static uint64_t hash_key_full(const void *set, size_t index, uint64_t seed)
{
    return hash_key(set, index, seed, true);
}

static const unsigned char *key_bytes(const void *set_pointer, size_t index, size_t *length)
{
    const struct key *key = &((const struct string_keys *)set_pointer)->keys[index];
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

/* VALUE as C hex digits, "0x0123456789ABCDEF", with SUFFIX after them. */
static json_t *hex(uint64_t value, const char *suffix)
{
    char text[32];
    snprintf(text, sizeof text, "0x%016" PRIX64 "%s", value, suffix);
    return json_string(text);
}

static void set_integer(json_t *object, const char *key, json_int_t value)
{
    json_object_set_new(object, key, json_integer(value));
}

static json_t *displacement_rows(const struct phash *phash)
{
    json_t *rows = json_array();
    for (uint32_t first = 0; first < phash->bucket_count; first += DISPLACEMENTS_PER_ROW) {
        struct buffer values = {0};
        for (uint32_t b = first; b < first + DISPLACEMENTS_PER_ROW && b < phash->bucket_count;
             b++) {
            if (b > first)
                buffer_append_char(&values, ' ');
            buffer_append_integer(&values, phash->displacements[b]);
            buffer_append_char(&values, ',');
        }
        json_t *row = json_object();
        set_integer(row, "first", (json_int_t)first);
        json_object_set_new(row, "values", json_string(values.bytes ? values.bytes : ""));
        json_array_append_new(rows, row);
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
    json_t *table = json_object();
    json_object_set_new(table, "seed", hex(phash->seed, "u"));
    set_integer(table, "seed_attempts", (json_int_t)phash->seed_attempts);
    set_integer(table, "seed_bound", PHASH_SEEDS_PER_SIZE * (PHASH_MAX_DOUBLINGS + 1));
    set_integer(table, "bucket_count", (json_int_t)phash->bucket_count);
    set_integer(table, "bucket_mask", (json_int_t)phash->bucket_count - 1);
    set_integer(table, "slot_count", (json_int_t)phash->slot_count);
    set_integer(table, "slot_mask", (json_int_t)phash->slot_count - 1);
    set_integer(table, "key_count", (json_int_t)key_count);
    set_integer(table, "load_percent", (json_int_t)(key_count * 100 / phash->slot_count));
    json_object_set_new(table, "displacement_type", json_string(unsigned_type(largest)));
    json_object_set_new(table, "displacement_rows", displacement_rows(phash));
    return table;
}

static void report_no_hash(const char *what, size_t count)
{
    fail("no perfect hash found for %zu %s within %d seeds (equal keys?)", count, what,
         PHASH_SEEDS_PER_SIZE * (PHASH_MAX_DOUBLINGS + 1));
}

/* Where each of the COUNT keys landed: the inverse of phash->slot_keys. */
static uint32_t *slots_of_keys(const struct phash *phash, size_t count)
{
    uint32_t *slot_of = calloc(count + 1, sizeof *slot_of);
    for (uint32_t slot = 0; slot_of && slot < phash->slot_count; slot++)
        if (phash->slot_keys[slot])
            slot_of[phash->slot_keys[slot] - 1] = slot;
    return slot_of;
}

/* ---- by code ---------------------------------------------------------- */

/* The entries a lookup by code returns (the primary one of each code), and
 * their codes, in entry order. */
struct code_keys {
    json_t **entries;
    int64_t *codes;
    size_t count;
};

static bool collect_codes(const json_t *codes, struct code_keys *keys)
{
    size_t count = json_array_size(codes), index;
    keys->entries = calloc(count + 1, sizeof *keys->entries);
    keys->codes = calloc(count + 1, sizeof *keys->codes);
    if (!keys->entries || !keys->codes)
        return false;
    json_t *entry;
    json_array_foreach (codes, index, entry) {
        if (!json_is_true(json_object_get(entry, "_primary")))
            continue;
        keys->entries[keys->count] = entry;
        keys->codes[keys->count++] = json_integer_value(json_object_get(entry, "code"));
    }
    return true;
}

/* A slot of a table: where a key landed, and the entry it leads to. Set
 * one by one, not with json_pack, whose format parsing per slot was half
 * of the lookup stage. */
static json_t *new_slot(uint32_t slot, json_t *entry)
{
    json_t *row = json_object();
    set_integer(row, "slot", (json_int_t)slot);
    json_object_set(row, "entry", entry);
    return row;
}

static json_t *code_slots(const struct code_keys *keys, const uint32_t *slot_of)
{
    json_t *slots = json_array();
    for (size_t i = 0; i < keys->count; i++)
        json_array_append_new(slots, new_slot(slot_of[i], keys->entries[i]));
    return slots;
}

/* A direct index when the range is small: the code minus the minimum is the
 * slot, no hashing at all; else a perfect hash of the codes. */
static json_t *code_table(const json_t *codes, json_int_t min, json_int_t max)
{
    struct code_keys keys = {0};
    struct phash phash = {0};
    bool direct = max - min < DIRECT_INDEX_LIMIT, built = false;
    json_t *table = NULL;
    uint32_t *slot_of = NULL;
    if (!collect_codes(codes, &keys)) {
        fail("out of memory while placing codes");
    } else if (direct) {
        slot_of = calloc(keys.count + 1, sizeof *slot_of);
        for (size_t i = 0; slot_of && i < keys.count; i++)
            slot_of[i] = (uint32_t)(keys.codes[i] - min);
        table = json_pack("{s{sI}}", "direct", "span", max - min + 1);
    } else if ((built = phash_build(&phash, keys.codes, keys.count, hash_code))) {
        slot_of = slots_of_keys(&phash, keys.count);
        table = json_pack("{so}", "hash", hash_description(&phash, keys.count));
    } else {
        report_no_hash("codes", keys.count);
    }
    if (table && slot_of) {
        json_object_set_new(table, "slots", code_slots(&keys, slot_of));
    } else if (table) {
        fail("out of memory while placing codes");
        json_decref(table);
        table = NULL;
    }
    if (built)
        phash_free(&phash);
    free(slot_of);
    free(keys.entries);
    free(keys.codes);
    return table;
}

/* ---- by reason and by name -------------------------------------------- */

static bool add_key(struct string_keys *set, json_t *entry, json_t *text)
{
    if (set->count == set->capacity) {
        size_t capacity = set->capacity ? set->capacity * 2 : 256;
        struct key *keys = realloc(set->keys, capacity * sizeof *keys);
        if (!keys)
            return false;
        set->keys = keys;
        set->capacity = capacity;
    }
    set->keys[set->count++] =
        (struct key){entry, text, json_string_value(text), json_string_length(text)};
    return true;
}

static bool is_letter(unsigned char byte)
{
    return (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
}

/* Whether the phrase at TEXT equals, ignoring ASCII case, a key of ENTRY's
 * already in SET (the last ones added): an entry may give one phrase in
 * several cases, and the table holds it once. */
static bool entry_has_key(const struct string_keys *set, const json_t *entry, const json_t *text)
{
    size_t length = json_string_length(text);
    const unsigned char *bytes = (const unsigned char *)json_string_value(text);
    for (size_t i = set->count; i > 0 && set->keys[i - 1].entry == entry; i--) {
        const struct key *key = &set->keys[i - 1];
        bool same = key->length == length;
        for (size_t j = 0; same && j < length; j++) {
            unsigned char a = (unsigned char)key->text[j], b = bytes[j];
            same = is_letter(a) ? is_letter(b) && (a | 0x20) == (b | 0x20) : a == b;
        }
        if (same)
            return true;
    }
    return false;
}

/* Every entry's reason, then its former phrases and other spellings (each
 * once, whatever its case); and every name. */
static bool collect_strings(const json_t *codes, struct string_keys *phrases,
                            struct string_keys *names)
{
    static const char *const lists[] = {"former", "spellings"};
    size_t index, position;
    json_t *entry, *phrase;
    json_array_foreach (codes, index, entry) {
        if (!add_key(phrases, entry, json_object_get(entry, "reason")) ||
            !add_key(names, entry, json_object_get(entry, "name")))
            return false;
        for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
            json_array_foreach (json_object_get(entry, lists[i]), position, phrase)
                if (!entry_has_key(phrases, entry, phrase) && !add_key(phrases, entry, phrase))
                    return false;
    }
    return true;
}

/* The lower-cased key, and its mask: ' ' (0x20) at letters, NUL elsewhere;
 * the lookup ORs the mask into the input before comparing. */
static void set_folded(json_t *slot, const struct key *key)
{
    char *lower = malloc(key->length + 1), *mask = malloc(key->length + 1);
    for (size_t i = 0; lower && mask && i < key->length; i++) {
        unsigned char byte = (unsigned char)key->text[i];
        lower[i] = (char)(is_letter(byte) ? byte | 0x20 : byte);
        mask[i] = is_letter(byte) ? ' ' : '\0';
    }
    if (lower && mask)
        json_object_set_new(
            slot, "folded",
            json_pack("{s:s%,s:s%}", "key", lower, key->length, "mask", mask, key->length));
    free(lower);
    free(mask);
}

/* Each key's slot and place in the pool, in key order; the pool holds
 * each key, and for a folded table its mask right after it. */
static json_t *string_slots(const struct string_keys *set, const uint32_t *slot_of,
                            size_t *pool_size, size_t *max_length)
{
    json_t *slots = json_array();
    for (size_t i = 0; i < set->count; i++) {
        const struct key *key = &set->keys[i];
        json_t *slot = new_slot(slot_of[i], key->entry);
        set_integer(slot, "offset", (json_int_t)*pool_size);
        set_integer(slot, "length", (json_int_t)key->length);
        json_object_set(slot, "text", key->node);
        if (set->fold)
            set_folded(slot, key);
        json_array_append_new(slots, slot);
        *pool_size += (set->fold ? 2 : 1) * key->length;
        if (key->length > *max_length)
            *max_length = key->length;
    }
    return slots;
}

static json_t *string_table(struct string_keys *set)
{
    bool full = !phash_fast_mode_works(set, set->count, key_bytes, set->fold);
    struct phash phash;
    if (!phash_build(&phash, set, set->count, full ? hash_key_full : hash_key_fast)) {
        report_no_hash(set->fold ? "reason phrases" : "names", set->count);
        return NULL;
    }
    uint32_t *slot_of = slots_of_keys(&phash, set->count);
    json_t *table = slot_of ? hash_description(&phash, set->count) : NULL;
    if (table) {
        size_t pool_size = 0, max_length = 0;
        json_object_set_new(table, "slots", string_slots(set, slot_of, &pool_size, &max_length));
        /* The main path of an exact table compares a whole word of whatever
         * key a slot holds before it knows the lengths differ (no branch on a
         * miss): zeros after the last key keep those reads inside the pool. */
        if (!set->fold)
            pool_size += PHASH_ONE_MIDDLE_WORD_MAX;
        json_object_set_new(table, "kind", json_string(set->kind));
        json_object_set_new(table, "fold", json_boolean(set->fold));
        json_object_set_new(table, "full", json_boolean(full));
        set_integer(table, "max_length", (json_int_t)max_length);
        set_integer(table, "pool_size", (json_int_t)pool_size);
    } else {
        fail("out of memory while placing %s", set->kind);
    }
    free(slot_of);
    phash_free(&phash);
    return table;
}

static json_t *string_tables(const json_t *codes)
{
    struct string_keys phrases = {.kind = "reason", .fold = true};
    struct string_keys names = {.kind = "name", .fold = false};
    json_t *tables = NULL, *by_reason = NULL, *by_name = NULL;
    if (!collect_strings(codes, &phrases, &names))
        fail("out of memory while collecting keys");
    else if ((by_reason = string_table(&phrases)) && (by_name = string_table(&names)))
        tables = json_pack("[oo]", by_reason, by_name);
    else
        json_decref(by_reason);
    free(phrases.keys);
    free(names.keys);
    return tables;
}

static bool any_full(const json_t *tables)
{
    size_t index;
    json_t *table;
    json_array_foreach (tables, index, table)
        if (json_is_true(json_object_get(table, "full")))
            return true;
    return false;
}

bool lookup_tables(json_t *model)
{
    const json_t *registry = json_object_get(model, "registry");
    const json_t *codes = json_object_get(model, "codes");
    json_int_t min = json_integer_value(json_object_get(registry, "min"));
    json_int_t max = json_integer_value(json_object_get(registry, "max"));
    json_t *by_code = code_table(codes, min, max);
    json_t *strings = by_code ? string_tables(codes) : NULL;
    if (!strings) {
        json_decref(by_code);
        return false;
    }
    json_t *lookup = json_pack(
        "{sssbsososososo}", "index_type", unsigned_type(json_array_size(codes) + 1), "any_full",
        any_full(strings), "k_words", hex(PHASH_K_WORDS, ""), "k_chain", hex(PHASH_K_CHAIN, ""),
        "fold", hex(PHASH_FOLD, ""), "code", by_code, "strings", strings);
    if (!lookup) {
        fail("out of memory while describing the lookups");
        return false;
    }
    json_object_set_new(lookup, "main_path",
                        json_pack("{sisisi}", "min_length", WORD_BYTES, "max_length",
                                  PHASH_ONE_MIDDLE_WORD_MAX, "span",
                                  PHASH_ONE_MIDDLE_WORD_MAX - WORD_BYTES));
    json_object_set_new(model, "_lookup", lookup);
    return true;
}
