/* derive.c: canonical key order, derived names and classes, a total order. */
#include "derive.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define COUNT_OF(array) (sizeof(array) / sizeof *(array))

static const char *const document_keys[] = {"schema", "registry", "codes"};
static const char *const registry_keys[] = {"name", "title",   "description", "min",
                                            "max",  "classes", "flags"};
static const char *const class_keys[] = {"name", "title", "min", "max", "description"};
static const char *const flag_keys[] = {"name", "description"};
static const char *const entry_keys[] = {"code",   "name",   "reason", "class",
                                         "status", "origin", "spec",   "url",
                                         "since",  "former", "flags",  "description"};

/* A copy of MAP holding KEYS, in that order, where present. */
static json_t *in_order(const json_t *map, const char *const *keys, size_t count)
{
    json_t *ordered = json_object();
    for (size_t i = 0; ordered && i < count; i++) {
        json_t *value = json_object_get(map, keys[i]);
        if (value)
            json_object_set(ordered, keys[i], value);
    }
    return ordered;
}

static json_t *list_in_order(const json_t *list, const char *const *keys, size_t count)
{
    json_t *ordered = json_array();
    size_t index;
    json_t *map;
    json_array_foreach (list, index, map)
        json_array_append_new(ordered, in_order(map, keys, count));
    return ordered;
}

static const char *class_of(const json_t *classes, json_int_t code)
{
    size_t index;
    json_t *class;
    json_array_foreach (classes, index, class) {
        json_int_t min = json_integer_value(json_object_get(class, "min"));
        json_int_t max = json_integer_value(json_object_get(class, "max"));
        if (code >= min && code <= max)
            return json_string_value(json_object_get(class, "name"));
    }
    return ""; /* the check guarantees a class for every code */
}

/* ENTRY in canonical key order, with what it may leave out filled in: the
 * name derived from the reason, the class its code falls in, empty lists.
 * Built in one go rather than by adding to the loaded object, which would
 * grow (and rehash) it first. */
static json_t *canonical_entry(const json_t *entry, const json_t *classes)
{
    json_t *ordered = json_object();
    for (size_t i = 0; ordered && i < COUNT_OF(entry_keys); i++) {
        const char *key = entry_keys[i];
        json_t *value = json_object_get(entry, key);
        if (value) {
            json_object_set(ordered, key, value);
        } else if (strcmp(key, "name") == 0) {
            char *name = text_name_from_reason(json_string_value(json_object_get(entry, "reason")));
            json_object_set_new(ordered, key, json_string(name));
            free(name);
        } else if (strcmp(key, "class") == 0) {
            json_int_t code = json_integer_value(json_object_get(entry, "code"));
            json_object_set_new(ordered, key, json_string(class_of(classes, code)));
        } else if (strcmp(key, "former") == 0 || strcmp(key, "flags") == 0) {
            json_object_set_new(ordered, key, json_array());
        }
    }
    return ordered;
}

/* An entry with what sorting and marking need, read once: a comparison
 * that looked them up in the objects would do so millions of times. */
struct sortable {
    json_t *entry;
    json_int_t code;
    const char *name;
    size_t position; /* in the file */
    bool unofficial;
};

static int compare_sortables(const void *left, const void *right)
{
    const struct sortable *a = left, *b = right;
    if (a->code != b->code)
        return a->code < b->code ? -1 : 1;
    return strcmp(a->name, b->name); /* names are unique: a total order */
}

/* Whether A is the better primary of a code: not unofficial, else listed
 * first. */
static bool is_better_primary(const struct sortable *a, const struct sortable *b)
{
    if (a->unofficial != b->unofficial)
        return !a->unofficial;
    return a->position < b->position;
}

/* The entry a lookup by code returns, among the sorted ITEMS: in each run
 * of one code, the one that is not unofficial, else the first listed. */
static void mark_primaries(const struct sortable *items, size_t count)
{
    for (size_t first = 0, end; first < count; first = end) {
        size_t best = first;
        for (end = first + 1; end < count && items[end].code == items[first].code; end++)
            if (is_better_primary(&items[end], &items[best]))
                best = end;
        for (size_t i = first; i < end; i++)
            json_object_set_new(items[i].entry, "_primary", json_boolean(i == best));
    }
}

static json_t *sorted_entries(const json_t *codes, const json_t *classes)
{
    size_t count = json_array_size(codes);
    struct sortable *items = calloc(count ? count : 1, sizeof *items);
    if (!items)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        json_t *entry = canonical_entry(json_array_get(codes, i), classes);
        const char *status = json_string_value(json_object_get(entry, "status"));
        items[i] = (struct sortable){entry, json_integer_value(json_object_get(entry, "code")),
                                     json_string_value(json_object_get(entry, "name")), i,
                                     strcmp(status, "unofficial") == 0};
    }
    qsort(items, count, sizeof *items, compare_sortables);
    mark_primaries(items, count);
    json_t *sorted = json_array();
    for (size_t i = 0; i < count; i++)
        json_array_append_new(sorted, items[i].entry);
    free(items);
    return sorted;
}

static int compare_classes(const void *left, const void *right)
{
    json_int_t a = json_integer_value(json_object_get(*(json_t *const *)left, "min"));
    json_int_t b = json_integer_value(json_object_get(*(json_t *const *)right, "min"));
    return (a > b) - (a < b);
}

/* Classes in the order of their ranges, whatever the file's order. */
static json_t *sorted_classes(const json_t *classes)
{
    json_t *sorted = list_in_order(classes, class_keys, COUNT_OF(class_keys));
    size_t count = json_array_size(sorted);
    json_t **items = calloc(count ? count : 1, sizeof *items);
    if (!items)
        return sorted;
    for (size_t i = 0; i < count; i++)
        items[i] = json_incref(json_array_get(sorted, i));
    qsort(items, count, sizeof *items, compare_classes);
    json_array_clear(sorted);
    for (size_t i = 0; i < count; i++)
        json_array_append_new(sorted, items[i]);
    free(items);
    return sorted;
}

static json_t *canonical_registry(const json_t *registry)
{
    json_t *ordered = in_order(registry, registry_keys, COUNT_OF(registry_keys));
    json_object_set_new(ordered, "classes", sorted_classes(json_object_get(registry, "classes")));
    json_object_set_new(
        ordered, "flags",
        list_in_order(json_object_get(registry, "flags"), flag_keys, COUNT_OF(flag_keys)));
    return ordered;
}

bool derive_model(json_t *model)
{
    json_t *registry = json_object_get(model, "registry");
    json_t *codes =
        sorted_entries(json_object_get(model, "codes"), json_object_get(registry, "classes"));
    json_t *canonical = canonical_registry(registry);
    if (!codes || !canonical) {
        json_decref(codes);
        json_decref(canonical);
        return false;
    }
    json_object_set_new(model, "codes", codes);
    json_object_set_new(model, "registry", canonical);
    json_t *ordered = in_order(model, document_keys, COUNT_OF(document_keys));
    json_object_clear(model);
    json_object_update(model, ordered);
    json_decref(ordered);
    return true;
}
