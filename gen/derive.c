/* derive.c: canonical key order, derived names and classes, a total order. */
#include "derive.h"
#include "fields.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* A value of ENTRY that derive makes (fields.h: DERIVED, or
 * GIVEN_OR_DERIVED and not given): the name from the reason, the class its
 * code falls in. */
static json_t *derived_value(const char *key, const json_t *entry, const json_t *classes);

/* A copy of MAP holding its KIND's fields, in canonical order, where
 * present; a field left out takes its default (field_default: an optional
 * list is empty), and what derive makes is made (CLASSES for a class). Built in one go rather
 * than by adding to the loaded object, which would grow (and rehash) it. */
static json_t *in_order(const json_t *map, const struct mapping_kind *kind, const json_t *classes)
{
    json_t *ordered = json_object();
    for (size_t i = 0; ordered && i < kind->count; i++) {
        const struct field *field = &kind->fields[i];
        json_t *given = json_object_get(map, field->key), *made;
        if (given) {
            json_object_set(ordered, field->key, given);
            continue;
        }
        bool derived = field->presence == DERIVED || field->presence == GIVEN_OR_DERIVED;
        made = derived ? derived_value(field->key, map, classes) : field_default(field);
        if (made) /* else it stays out of the model */
            json_object_set_new(ordered, field->key, made);
    }
    return ordered;
}

static json_t *list_in_order(const json_t *list, const struct mapping_kind *kind)
{
    json_t *ordered = json_array();
    size_t index;
    json_t *map;
    json_array_foreach (list, index, map)
        json_array_append_new(ordered, in_order(map, kind, NULL));
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
    return NULL; /* no classes: the check guarantees a class otherwise */
}

static json_t *derived_value(const char *key, const json_t *entry, const json_t *classes)
{
    if (strcmp(key, "name") == 0) {
        char *name = text_name_from_reason(json_string_value(json_object_get(entry, "reason")));
        json_t *value = json_string(name);
        free(name);
        return value;
    }
    if (strcmp(key, "class") == 0) {
        const char *class = class_of(classes, json_integer_value(json_object_get(entry, "code")));
        return class ? json_string(class) : NULL; /* a registry without classes */
    }
    return NULL; /* a field marked derived that derive does not know how to make */
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

static json_t *sorted_entries(const json_t *codes, const json_t *registry)
{
    const json_t *classes = json_object_get(registry, "classes");
    size_t count = json_array_size(codes);
    struct sortable *items = calloc(count ? count : 1, sizeof *items);
    struct mapping_kind *fields = entry_fields_of(registry);
    if (!items || !fields) {
        free(items);
        entry_fields_free(fields);
        return NULL;
    }
    for (size_t i = 0; i < count; i++) {
        json_t *entry = in_order(json_array_get(codes, i), fields, classes);
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
    entry_fields_free(fields);
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
    json_t *sorted = list_in_order(classes, &class_kind);
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
    json_t *ordered = in_order(registry, &registry_kind, NULL);
    json_object_set_new(ordered, "classes", sorted_classes(json_object_get(registry, "classes")));
    json_object_set_new(ordered, "flags",
                        list_in_order(json_object_get(registry, "flags"), &flag_kind));
    const json_t *fields = json_object_get(registry, "fields");
    if (fields)
        json_object_set_new(ordered, "fields", list_in_order(fields, &declaration_kind));
    return ordered;
}

bool derive_model(json_t *model)
{
    json_t *registry = json_object_get(model, "registry");
    json_t *codes = sorted_entries(json_object_get(model, "codes"), registry);
    json_t *canonical = canonical_registry(registry);
    if (!codes || !canonical) {
        json_decref(codes);
        json_decref(canonical);
        return false;
    }
    json_object_set_new(model, "codes", codes);
    json_object_set_new(model, "registry", canonical);
    json_t *ordered = in_order(model, &document_kind, NULL);
    json_object_clear(model);
    json_object_update(model, ordered);
    json_decref(ordered);
    return true;
}
