/* lookup.c: perfect-hash tables for the lookups, as data for templates.
 *
 * Each table's parameters go in model._lookup:
 *   index_type                 C type of an entry index + 1 ("unsigned char" ...)
 *   any_full                   whether some string table needs full-mode hashing
 *   code:   {direct, span} or, for a sparse range, {hash...}
 *   reason: {hash..., full, max_length, pool_size}
 *   name:   {hash..., full, max_length, pool_size}
 *     (the name pool_size counts the zero bytes that end the pool: see
 *     MAIN_PATH_MAX_LENGTH)
 * where hash... is {seed, seed_attempts, seed_bound, bucket_count,
 * bucket_mask, slot_count, slot_mask, key_count, load_percent,
 * displacement_type, displacement_rows: [{first, values}]}.
 *
 * Where each key landed goes on its entry, so that a template lays out the
 * key pools and the slot initializers while iterating the entries (a row
 * object per key would cost, at 100,000 entries, millions of allocations):
 *   _code_slot                 (entries a lookup by code returns)
 *   _reason_slot, _reason_offset, _reason_length,
 *   _reason_key (lower-cased), _reason_mask (' ' at letters, NUL elsewhere)
 *   _formers: [{text, key, mask, slot, offset, length}]  (when it has any)
 *   _name_slot, _name_offset, _name_length
 * Pool offsets follow entry order: each entry's reason, then its former
 * phrases. */
#include "lookup.h"
#include "buffer.h"
#include "diag.h"
#include "phash.h"
#include "workers.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DISPLACEMENTS_PER_ROW 16

/* The longest key the templates' main path compares in one straight line
 * (NAME.c.tmpl: "Keys of 8 to 24 bytes"). By name, it compares that many
 * bytes of whatever key the slot holds before it knows the lengths differ,
 * so that a miss takes no branch; the name pool ends in that many zero
 * bytes, so a short last key is not read past. (By phrase, a length check
 * comes first: a phrase's compare, with its mask, costs twice as much, and
 * a miss of another length skips it.) */
#define MAIN_PATH_MAX_LENGTH 24

struct key {
    json_t *entry;    /* the entry it belongs to */
    json_t *former;   /* the former phrase's object in entry._formers, or NULL */
    const char *text; /* its bytes */
    size_t length;
};

struct hash_keys {
    struct key *keys;
    size_t count;
    bool fold;  /* ASCII case-insensitive */
    bool full;  /* fast mode cannot tell the keys apart */
    char *pool; /* the keys' bytes, once packed (pack_keys) */
};

static uint64_t hash_key(const void *set_pointer, size_t index, uint64_t seed)
{
    const struct hash_keys *set = set_pointer;
    const struct key *key = &set->keys[index];
    return phash_string(seed, (const unsigned char *)key->text, key->length, set->fold, set->full);
}

static const unsigned char *key_bytes(const void *set_pointer, size_t index, size_t *length)
{
    const struct key *key = &((const struct hash_keys *)set_pointer)->keys[index];
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
            if (b > first)
                buffer_append_char(&values, ' ');
            buffer_append_integer(&values, phash->displacements[b]);
            buffer_append_char(&values, ',');
        }
        json_t *row = json_object();
        json_object_set_new(row, "first", json_integer((json_int_t)first));
        json_object_set_new(row, "values", json_string(values.bytes ? values.bytes : ""));
        json_array_append_new(rows, row);
        buffer_free(&values);
    }
    return rows;
}

static void set_integer(json_t *object, const char *key, json_int_t value)
{
    json_object_set_new(object, key, json_integer(value));
}

/* The parameters every hashed table prints in its comment and code. */
static json_t *hash_description(const struct phash *phash, size_t key_count)
{
    uint32_t largest = 0;
    for (uint32_t b = 0; b < phash->bucket_count; b++)
        if (phash->displacements[b] > largest)
            largest = phash->displacements[b];
    json_t *table = json_object();
    json_object_set_new(table, "seed", hex(phash->seed));
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

static bool report_no_hash(const char *what, size_t count)
{
    fail("no perfect hash found for %zu %s within %d seeds (equal keys?)", count, what,
         PHASH_SEEDS_PER_SIZE * (PHASH_MAX_DOUBLINGS + 1));
    return false;
}

/* A perfect hash on its way. The code, reason and name hashes are built at
 * once (workers.h): each job reads only its own keys. */
struct hash_job {
    const void *keys; /* int64_t codes, or a struct hash_keys */
    size_t count;
    phash_key_hash hash;
    struct hash_keys *strings; /* NULL for the codes */
    struct phash phash;
    bool built;
};

/* Copies the keys' bytes into one pool, in key order, and points the keys
 * there. A build hashes every key once per seed it tries; read where they
 * lie in the model, scattered, each key is a cache miss every time, and
 * packed, the reads stream (100k entries: the phrase build's five seeds
 * 0.075 -> 0.019 s). Out of memory, the keys stay where they are. */
static void pack_keys(struct hash_keys *set)
{
    size_t total = 0;
    for (size_t i = 0; i < set->count; i++)
        total += set->keys[i].length;
    if (!(set->pool = malloc(total + 1)))
        return;
    char *next = set->pool;
    for (size_t i = 0; i < set->count; i++) {
        memcpy(next, set->keys[i].text, set->keys[i].length);
        set->keys[i].text = next;
        next += set->keys[i].length;
    }
}

static void build_hash(void *jobs, size_t index)
{
    struct hash_job *job = &((struct hash_job *)jobs)[index];
    struct hash_keys *strings = job->strings;
    if (strings) {
        pack_keys(strings);
        strings->full = !phash_fast_mode_works(strings, job->count, key_bytes, strings->fold);
    }
    job->built = phash_build(&job->phash, job->keys, job->count, job->hash);
}

/* ---- by code ---------------------------------------------------------- */

/* The entries a lookup by code returns (the primary one of each code), and
 * their codes. */
struct code_keys {
    json_t **entries;
    int64_t *codes;
    size_t count;
};

/* KEYS sized for COUNT entries: a code key is at most one per entry. */
static bool reserve_codes(size_t count, struct code_keys *keys)
{
    keys->entries = calloc(count + 1, sizeof *keys->entries);
    keys->codes = calloc(count + 1, sizeof *keys->codes);
    return keys->entries && keys->codes;
}

static void collect_code(json_t *entry, struct code_keys *keys)
{
    if (!json_is_true(json_object_get(entry, "_primary")))
        return;
    keys->entries[keys->count] = entry;
    keys->codes[keys->count++] = json_integer_value(json_object_get(entry, "code"));
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

/* Writing _code_slot in chunks run at once, each entry by one chunk.
 * Entry order, not slot order: at 100,000 entries, visiting the entries in
 * hash order costs a cache miss each. */
struct code_placement {
    const struct code_keys *keys;
    const uint32_t *slot_of; /* per key */
};

static void place_code_chunk(void *placement_pointer, size_t chunk)
{
    const struct code_placement *placement = placement_pointer;
    size_t first, end;
    workers_chunk(chunk, placement->keys->count, &first, &end);
    for (size_t i = first; i < end; i++)
        set_integer(placement->keys->entries[i], "_code_slot", (json_int_t)placement->slot_of[i]);
}

/* HASHED is the built hash, or NULL when the range is small enough for a
 * direct index: the code minus the minimum is the slot, no hashing at all. */
static json_t *code_table(const struct code_keys *keys, const struct hash_job *hashed,
                          json_int_t min, json_int_t max)
{
    if (hashed && !hashed->built) {
        report_no_hash("codes", keys->count);
        return NULL;
    }
    uint32_t *slot_of = hashed ? slots_of_keys(&hashed->phash, keys->count)
                               : calloc(keys->count + 1, sizeof *slot_of);
    if (!slot_of) {
        fail("out of memory while placing codes");
        return NULL;
    }
    for (size_t i = 0; !hashed && i < keys->count; i++)
        slot_of[i] = (uint32_t)(keys->codes[i] - min);
    workers_run(WORKERS_CHUNKS, place_code_chunk, &(struct code_placement){keys, slot_of});
    free(slot_of);
    json_t *table = hashed ? hash_description(&hashed->phash, keys->count) : json_object();
    json_object_set_new(table, "direct", json_boolean(!hashed));
    if (!hashed)
        set_integer(table, "span", max - min + 1);
    return table;
}

/* ---- by reason and by name -------------------------------------------- */

static bool add_key(struct hash_keys *set, size_t *capacity, struct key key)
{
    if (set->count == *capacity) {
        *capacity = *capacity ? *capacity * 2 : 256;
        struct key *keys = realloc(set->keys, *capacity * sizeof *keys);
        if (!keys)
            return false;
        set->keys = keys;
    }
    set->keys[set->count++] = key;
    return true;
}

static bool is_letter(unsigned char byte)
{
    return (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
}

/* The lower-cased key, and its mask: ' ' (0x20) at letters, NUL elsewhere;
 * the lookup ORs the mask into the input before comparing. */
static void set_folded(json_t *object, const char *key_name, const char *mask_name,
                       const char *text, size_t length)
{
    char *key = malloc(length + 1), *mask = malloc(length + 1);
    for (size_t i = 0; key && mask && i < length; i++) {
        unsigned char byte = (unsigned char)text[i];
        key[i] = (char)(is_letter(byte) ? byte | 0x20 : byte);
        mask[i] = is_letter(byte) ? ' ' : '\0';
    }
    if (key && mask) {
        json_object_set_new(object, key_name, json_stringn(key, length));
        json_object_set_new(object, mask_name, json_stringn(mask, length));
    }
    free(key);
    free(mask);
}

/* The entry's reason, then its former phrases; each former phrase gets an
 * object in entry._formers to carry where it lands. */
static bool collect_phrases(json_t *entry, struct hash_keys *set, size_t *capacity)
{
    const json_t *reason = json_object_get(entry, "reason");
    if (!add_key(set, capacity,
                 (struct key){entry, NULL, json_string_value(reason), json_string_length(reason)}))
        return false;
    const json_t *former_list = json_object_get(entry, "former");
    if (json_array_size(former_list) == 0)
        return true;
    json_t *formers = json_array();
    json_object_set_new(entry, "_formers", formers);
    size_t position;
    json_t *former;
    json_array_foreach (former_list, position, former) {
        json_t *item = json_object();
        json_object_set(item, "text", former);
        json_array_append_new(formers, item);
        if (!add_key(
                set, capacity,
                (struct key){entry, item, json_string_value(former), json_string_length(former)}))
            return false;
    }
    return true;
}

static bool collect_name(json_t *entry, struct hash_keys *set, size_t *capacity)
{
    const json_t *name = json_object_get(entry, "name");
    return add_key(set, capacity,
                   (struct key){entry, NULL, json_string_value(name), json_string_length(name)});
}

/* One chunk's keys, in entry order (collect_keys). */
struct key_chunk {
    struct code_keys codes;
    struct hash_keys phrases, names;
    bool failed; /* out of memory */
};

struct collection {
    json_t *codes;
    struct key_chunk chunks[WORKERS_CHUNKS];
};

/* The three key sets of a chunk's entries, in one pass: each entry is read
 * while it is in the cache, not fetched again for each set. Former phrases'
 * objects go on the chunk's own entries. */
static void collect_chunk(void *collection_pointer, size_t index)
{
    struct collection *collection = collection_pointer;
    struct key_chunk *chunk = &collection->chunks[index];
    size_t first, end, phrase_capacity = 0, name_capacity = 0;
    workers_chunk(index, json_array_size(collection->codes), &first, &end);
    chunk->failed = !reserve_codes(end - first, &chunk->codes);
    for (size_t i = first; !chunk->failed && i < end; i++) {
        json_t *entry = json_array_get(collection->codes, i);
        collect_code(entry, &chunk->codes);
        chunk->failed = !collect_phrases(entry, &chunk->phrases, &phrase_capacity) ||
                        !collect_name(entry, &chunk->names, &name_capacity);
    }
}

/* KEYS followed by MORE's keys. */
static bool join_keys(struct hash_keys *keys, const struct hash_keys *more)
{
    struct key *joined = realloc(keys->keys, (keys->count + more->count + 1) * sizeof *joined);
    if (!joined)
        return false;
    if (more->count)
        memcpy(joined + keys->count, more->keys, more->count * sizeof *joined);
    keys->keys = joined;
    keys->count += more->count;
    return true;
}

static void join_codes(struct code_keys *keys, const struct code_keys *more)
{
    if (more->count == 0)
        return;
    memcpy(keys->entries + keys->count, more->entries, more->count * sizeof *keys->entries);
    memcpy(keys->codes + keys->count, more->codes, more->count * sizeof *keys->codes);
    keys->count += more->count;
}

/* The three key sets, in entry order: collected in chunks at once
 * (workers.h), then joined in chunk order. */
static bool collect_keys(json_t *codes, struct code_keys *code_keys, struct hash_keys *phrases,
                         struct hash_keys *names)
{
    struct collection *collection = calloc(1, sizeof *collection);
    bool ok = collection && reserve_codes(json_array_size(codes), code_keys);
    if (ok) {
        collection->codes = codes;
        workers_run(WORKERS_CHUNKS, collect_chunk, collection);
    }
    for (size_t i = 0; collection && i < WORKERS_CHUNKS; i++) {
        struct key_chunk *chunk = &collection->chunks[i];
        ok = ok && !chunk->failed && join_keys(phrases, &chunk->phrases) &&
             join_keys(names, &chunk->names);
        if (ok)
            join_codes(code_keys, &chunk->codes);
        free(chunk->codes.entries);
        free(chunk->codes.codes);
        free(chunk->phrases.keys);
        free(chunk->names.keys);
    }
    free(collection);
    return ok;
}

/* The members that say where a key landed, for each kind of key. */
struct placement_names {
    const char *slot, *offset, *length, *key, *mask;
};
static const struct placement_names reason_names = {
    "_reason_slot", "_reason_offset", "_reason_length", "_reason_key", "_reason_mask"};
static const struct placement_names former_names = {"slot", "offset", "length", "key", "mask"};
static const struct placement_names name_names = {"_name_slot", "_name_offset", "_name_length",
                                                  NULL, NULL};

/* Writes where key I landed (SLOT, OFFSET in the pool) onto its entry or
 * former-phrase object. */
static void place_key(const struct hash_keys *set, size_t i, uint32_t slot, size_t offset)
{
    const struct key *key = &set->keys[i];
    const struct placement_names *names = key->former ? &former_names
                                          : set->fold ? &reason_names
                                                      : &name_names;
    json_t *target = key->former ? key->former : key->entry;
    set_integer(target, names->slot, (json_int_t)slot);
    set_integer(target, names->offset, (json_int_t)offset);
    set_integer(target, names->length, (json_int_t)key->length);
    if (set->fold)
        set_folded(target, names->key, names->mask, key->text, key->length);
}

/* Writing where keys landed, in chunks run at once: each key writes to an
 * object of its own (its entry, or its former phrase's object). */
struct placement {
    const struct hash_keys *set;
    const uint32_t *slot_of; /* per key */
    const size_t *offset_of; /* per key, in the pool */
};

static void place_chunk(void *placement_pointer, size_t chunk)
{
    const struct placement *placement = placement_pointer;
    size_t first, end;
    workers_chunk(chunk, placement->set->count, &first, &end);
    for (size_t i = first; i < end; i++)
        place_key(placement->set, i, placement->slot_of[i], placement->offset_of[i]);
}

static json_t *string_table(const struct hash_job *job, const char *what)
{
    const struct hash_keys *set = job->strings;
    if (!job->built) {
        report_no_hash(what, set->count);
        return NULL;
    }
    uint32_t *slot_of = slots_of_keys(&job->phash, set->count);
    size_t *offset_of = calloc(set->count + 1, sizeof *offset_of);
    if (!slot_of || !offset_of) {
        free(slot_of);
        free(offset_of);
        fail("out of memory while placing %s", what);
        return NULL;
    }
    size_t pool_size = 0, max_length = 0;
    for (size_t i = 0; i < set->count; i++) {
        offset_of[i] = pool_size;
        pool_size += (set->fold ? 2 : 1) * set->keys[i].length; /* phrases: key, then mask */
        if (set->keys[i].length > max_length)
            max_length = set->keys[i].length;
    }
    workers_run(WORKERS_CHUNKS, place_chunk, &(struct placement){set, slot_of, offset_of});
    json_t *table = hash_description(&job->phash, set->count);
    set_integer(table, "max_length", (json_int_t)max_length);
    size_t padding = set->fold ? 0 : MAIN_PATH_MAX_LENGTH;
    set_integer(table, "pool_size", (json_int_t)(pool_size + padding));
    json_object_set_new(table, "full", json_boolean(set->full));
    free(slot_of);
    free(offset_of);
    return table;
}

/* Keys collected, the three hashes built at once, then each table's
 * placement. */
bool lookup_tables(json_t *model)
{
    const json_t *registry = json_object_get(model, "registry");
    json_t *codes = json_object_get(model, "codes");
    json_int_t min = json_integer_value(json_object_get(registry, "min"));
    json_int_t max = json_integer_value(json_object_get(registry, "max"));
    bool direct = max - min < DIRECT_INDEX_LIMIT;
    struct code_keys code_keys = {0};
    struct hash_keys phrases = {.fold = true}, names = {.fold = false};
    bool collected = collect_keys(codes, &code_keys, &phrases, &names);
    struct hash_job jobs[3] = {
        {&phrases, phrases.count, hash_key, &phrases, {0}, false},
        {&names, names.count, hash_key, &names, {0}, false},
        {code_keys.codes, code_keys.count, hash_code, NULL, {0}, false},
    };
    if (collected)
        workers_run(direct ? 2 : 3, build_hash, jobs);
    else
        fail("out of memory while collecting keys");
    json_t *by_code = collected ? code_table(&code_keys, direct ? NULL : &jobs[2], min, max) : NULL;
    json_t *by_reason = by_code ? string_table(&jobs[0], "reason phrases") : NULL;
    json_t *by_name = by_reason ? string_table(&jobs[1], "names") : NULL;
    for (size_t i = 0; i < 3; i++)
        if (jobs[i].built)
            phash_free(&jobs[i].phash);
    free(code_keys.entries);
    free(code_keys.codes);
    free(phrases.keys);
    free(phrases.pool);
    free(names.keys);
    free(names.pool);
    if (!by_name) {
        json_decref(by_code);
        json_decref(by_reason);
        return false;
    }
    bool reason_full = json_is_true(json_object_get(by_reason, "full"));
    bool name_full = json_is_true(json_object_get(by_name, "full"));
    json_t *lookup = json_object();
    json_object_set_new(lookup, "index_type",
                        json_string(unsigned_type(json_array_size(codes) + 1)));
    json_object_set_new(lookup, "code", by_code);
    json_object_set_new(lookup, "reason", by_reason);
    json_object_set_new(lookup, "name", by_name);
    json_object_set_new(lookup, "any_full", json_boolean(reason_full || name_full));
    json_object_set_new(model, "_lookup", lookup);
    return true;
}
