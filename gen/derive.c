/* derive.c: canonical key order, derived names and classes, a total order. */
#include "derive.h"
#include "text.h"

#include <stdio.h>
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

static void add_derived_fields(json_t *entry, const json_t *classes)
{
    if (!json_object_get(entry, "name")) {
        char *name = text_name_from_reason(json_string_value(json_object_get(entry, "reason")));
        json_object_set_new(entry, "name", json_string(name));
        free(name);
    }
    json_int_t code = json_integer_value(json_object_get(entry, "code"));
    json_object_set_new(entry, "class", json_string(class_of(classes, code)));
    if (!json_object_get(entry, "former"))
        json_object_set_new(entry, "former", json_array());
    if (!json_object_get(entry, "flags"))
        json_object_set_new(entry, "flags", json_array());
}

static int compare_entries(const void *left, const void *right)
{
    const json_t *a = *(json_t *const *)left, *b = *(json_t *const *)right;
    json_int_t code_a = json_integer_value(json_object_get(a, "code"));
    json_int_t code_b = json_integer_value(json_object_get(b, "code"));
    if (code_a != code_b)
        return code_a < code_b ? -1 : 1;
    return strcmp(json_string_value(json_object_get(a, "name")),
                  json_string_value(json_object_get(b, "name")));
}

static bool is_unofficial(const json_t *entry)
{
    return strcmp(json_string_value(json_object_get(entry, "status")), "unofficial") == 0;
}

/* The entry a lookup by code returns: the one that is not unofficial, else
 * the first listed. Decided in file order, before sorting loses it. */
static void mark_primaries(json_t **entries, size_t count)
{
    json_t *primary_of = json_object(); /* "404" -> entry */
    for (size_t i = 0; i < count; i++) {
        char code[24];
        snprintf(code, sizeof code, "%lld",
                 (long long)json_integer_value(json_object_get(entries[i], "code")));
        json_t *primary = json_object_get(primary_of, code);
        if (!primary || (is_unofficial(primary) && !is_unofficial(entries[i])))
            json_object_set(primary_of, code, entries[i]);
        json_object_set_new(entries[i], "_primary", json_false());
    }
    const char *code;
    json_t *primary;
    json_object_foreach (primary_of, code, primary)
        json_object_set_new(primary, "_primary", json_true());
    json_decref(primary_of);
}

static json_t *sorted_entries(const json_t *codes, const json_t *classes)
{
    size_t count = json_array_size(codes);
    json_t **entries = calloc(count ? count : 1, sizeof *entries);
    if (!entries)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        json_t *entry = json_array_get(codes, i);
        add_derived_fields(entry, classes);
        entries[i] = in_order(entry, entry_keys, COUNT_OF(entry_keys));
    }
    mark_primaries(entries, count);
    qsort(entries, count, sizeof *entries, compare_entries);
    json_t *sorted = json_array();
    for (size_t i = 0; i < count; i++)
        json_array_append_new(sorted, entries[i]);
    free(entries);
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
