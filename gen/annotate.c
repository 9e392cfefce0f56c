/* annotate.c: the '_' keys the templates read (see annotate.h). */
#include "annotate.h"
#include "annotate_fields.h"
#include "fields.h"
#include "text.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_upper(json_t *object, const char *key, const char *text)
{
    char *upper = text_upper(text);
    json_object_set_new(object, key, json_string(upper));
    free(upper);
}

static void annotate_vocabulary(json_t *list, const char *number_key)
{
    size_t index;
    json_t *item;
    json_array_foreach (list, index, item) {
        set_upper(item, "_upper", json_string_value(json_object_get(item, "name")));
        json_object_set_new(item, number_key, json_integer((json_int_t)index));
    }
}

/* PREFIX-name in lower case with '-' for '_': "404-not-found" (unique
 * because names are), "class-client-error". */
static json_t *anchor_of(const char *prefix, const char *name)
{
    char *lower = text_fold(name);
    for (char *c = lower; lower && *c; c++)
        if (*c == '_')
            *c = '-';
    char anchor[64 + MAX_STRING_BYTES];
    snprintf(anchor, sizeof anchor, "%s-%s", prefix, lower ? lower : "");
    free(lower);
    return json_string(anchor);
}

static json_t *entry_anchor(const json_t *entry)
{
    char code[32];
    snprintf(code, sizeof code, "%lld",
             (long long)json_integer_value(json_object_get(entry, "code")));
    return anchor_of(code, json_string_value(json_object_get(entry, "name")));
}

/* Which of a class's bounds its C helper tests: a bound at the limit of
 * int would be a comparison that is always true, which compilers flag. */
static void annotate_bounds(json_t *class)
{
    json_int_t min = json_integer_value(json_object_get(class, "min"));
    json_int_t max = json_integer_value(json_object_get(class, "max"));
    json_object_set_new(class, "_tests_min", json_boolean(min > INT_MIN));
    json_object_set_new(class, "_tests_max", json_boolean(max < INT_MAX));
    json_object_set_new(class, "_tests_both", json_boolean(min > INT_MIN && max < INT_MAX));
    json_object_set_new(class, "_tests_none", json_boolean(min <= INT_MIN && max >= INT_MAX));
}

/* Each class's anchor and its entries (the same objects as in codes). */
static void annotate_class_members(json_t *classes, const json_t *codes)
{
    size_t index;
    json_t *class;
    json_array_foreach (classes, index, class) {
        const char *name = json_string_value(json_object_get(class, "name"));
        json_object_set_new(class, "_anchor", anchor_of("class", name));
        annotate_bounds(class);
        json_t *members = json_array();
        size_t position;
        json_t *entry;
        json_array_foreach (codes, position, entry) {
            if (strcmp(json_string_value(json_object_get(entry, "class")), name) == 0)
                json_array_append(members, entry);
        }
        json_object_set_new(class, "_has_codes", json_boolean(json_array_size(members) > 0));
        json_object_set_new(class, "_codes", members);
    }
}

/* The upper-case form of TEXT, made once and shared: class, status and flag
 * names repeat in every entry, and at 100,000 entries copies add up. */
static json_t *shared_upper(json_t *cache, const char *text)
{
    json_t *upper = json_object_get(cache, text);
    if (!upper) {
        char *made = text_upper(text);
        upper = json_string(made);
        free(made);
        json_object_set_new(cache, text, upper);
    }
    return json_incref(upper);
}

static json_t *upper_names(json_t *cache, const json_t *names)
{
    json_t *upper = json_array();
    size_t index;
    json_t *name;
    json_array_foreach (names, index, name)
        json_array_append_new(upper, shared_upper(cache, json_string_value(name)));
    return upper;
}

/* The names a field of an entry takes its values from, for the _is maps:
 * each maps every name of the vocabulary to whether the entry has it. */
struct vocabularies {
    json_t *statuses, *classes, *flags; /* lists of names; classes empty without */
    json_t *declared;                   /* field name -> its enum values */
};

static json_t *names_of(const json_t *list)
{
    json_t *names = json_array();
    size_t index;
    json_t *item;
    json_array_foreach (list, index, item)
        json_array_append(names, json_object_get(item, "name"));
    return names;
}

static struct vocabularies vocabularies_of(const json_t *registry)
{
    struct vocabularies made = {json_array(), names_of(json_object_get(registry, "classes")),
                                names_of(json_object_get(registry, "flags")), json_object()};
    for (size_t i = 0; i < STATUS_COUNT; i++)
        json_array_append_new(made.statuses, json_string(entry_statuses[i]));
    size_t index;
    json_t *declaration;
    json_array_foreach (json_object_get(registry, "fields"), index, declaration)
        if (strcmp(json_string_value(json_object_get(declaration, "type")), "enum") == 0)
            json_object_set(made.declared, json_string_value(json_object_get(declaration, "name")),
                            json_object_get(declaration, "values"));
    return made;
}

static void vocabularies_free(struct vocabularies *vocabularies)
{
    json_decref(vocabularies->statuses);
    json_decref(vocabularies->classes);
    json_decref(vocabularies->flags);
    json_decref(vocabularies->declared);
}

static char *concat(const char *first, const char *second)
{
    size_t size = strlen(first) + strlen(second) + 1;
    char *joined = malloc(size);
    if (joined)
        snprintf(joined, size, "%s%s", first, second);
    return joined;
}

static bool holds(const json_t *chosen, const char *name)
{
    if (json_is_string(chosen))
        return strcmp(json_string_value(chosen), name) == 0;
    size_t index;
    json_t *item;
    json_array_foreach (chosen, index, item)
        if (strcmp(json_string_value(item), name) == 0)
            return true;
    return false;
}

/* {name: whether CHOSEN (a name or a list of names) holds it} for every
 * name of VOCABULARY, so that a template tests {{#_status_is.deprecated}}.
 * Made once per FIELD and CHOSEN, and shared: entries repeat them. */
static json_t *membership(json_t *cache, const char *field, const json_t *vocabulary,
                          const json_t *chosen)
{
    char *key = json_dumps(chosen, JSON_COMPACT | JSON_ENCODE_ANY);
    char *cache_key = key ? concat(field, key) : NULL;
    json_t *map = cache_key ? json_object_get(cache, cache_key) : NULL;
    if (!map && cache_key) {
        map = json_object();
        size_t index;
        json_t *name;
        json_array_foreach (vocabulary, index, name)
            json_object_set_new(map, json_string_value(name),
                                json_boolean(holds(chosen, json_string_value(name))));
        json_object_set_new(cache, cache_key, map);
    }
    free(key);
    free(cache_key);
    return json_incref(map);
}

static void annotate_membership(json_t *entry, const struct vocabularies *vocabularies,
                                json_t *cache)
{
    json_object_set_new(
        entry, "_status_is",
        membership(cache, "status=", vocabularies->statuses, json_object_get(entry, "status")));
    if (json_array_size(vocabularies->classes) > 0)
        json_object_set_new(
            entry, "_class_is",
            membership(cache, "class=", vocabularies->classes, json_object_get(entry, "class")));
    json_object_set_new(
        entry, "_flags_has",
        membership(cache, "flags=", vocabularies->flags, json_object_get(entry, "flags")));
    const char *field;
    json_t *values;
    json_object_foreach (vocabularies->declared, field, values) {
        const json_t *value = json_object_get(entry, field);
        char *key = concat("_", field), *map_key = key ? concat(key, "_is") : NULL;
        char *cache_key = key ? concat(key, "=") : NULL;
        if (map_key && cache_key && json_is_string(value))
            json_object_set_new(entry, map_key, membership(cache, cache_key, values, value));
        free(key);
        free(map_key);
        free(cache_key);
    }
}

static void annotate_entry(json_t *entry, size_t index, json_t *cache)
{
    json_object_set_new(entry, "_index", json_integer((json_int_t)index));
    const char *class = json_string_value(json_object_get(entry, "class"));
    if (class) /* none in a registry without classes */
        json_object_set_new(entry, "_class_upper", shared_upper(cache, class));
    json_object_set_new(entry, "_status_upper",
                        shared_upper(cache, json_string_value(json_object_get(entry, "status"))));
    json_object_set_new(entry, "_flag_names", upper_names(cache, json_object_get(entry, "flags")));
    json_object_set_new(entry, "_has_former",
                        json_boolean(json_array_size(json_object_get(entry, "former")) > 0));
    json_object_set_new(entry, "_has_spellings",
                        json_boolean(json_array_size(json_object_get(entry, "spellings")) > 0));
    json_object_set_new(entry, "_has_flags",
                        json_boolean(json_array_size(json_object_get(entry, "flags")) > 0));
    json_object_set_new(entry, "_anchor", entry_anchor(entry));
}

/* VALUE as a C macro writes it: parenthesized when negative, and the most
 * negative int as an expression (2147483648 alone is not an int). */
static json_t *macro_integer(json_int_t value)
{
    char text[64];
    if (value == INT_MIN)
        snprintf(text, sizeof text, "(%d - 1)", INT_MIN + 1);
    else
        snprintf(text, sizeof text, value < 0 ? "(%lld)" : "%lld", (long long)value);
    return json_string(text);
}

bool annotate_model(json_t *model, const char *source_name)
{
    json_t *registry = json_object_get(model, "registry");
    json_t *codes = json_object_get(model, "codes");
    json_object_set_new(registry, "_min_macro",
                        macro_integer(json_integer_value(json_object_get(registry, "min"))));
    json_object_set_new(registry, "_max_macro",
                        macro_integer(json_integer_value(json_object_get(registry, "max"))));
    annotate_vocabulary(json_object_get(registry, "classes"), "_value");
    annotate_vocabulary(json_object_get(registry, "flags"), "_shift");
    json_t *cache = json_object();
    struct vocabularies vocabularies = vocabularies_of(registry);
    size_t index;
    json_t *entry;
    bool any_without_former = false;
    json_array_foreach (codes, index, entry) {
        annotate_entry(entry, index, cache);
        annotate_membership(entry, &vocabularies, cache);
        any_without_former =
            any_without_former || !json_is_true(json_object_get(entry, "_has_former"));
    }
    json_object_set(model, "_statuses", vocabularies.statuses);
    vocabularies_free(&vocabularies);
    json_decref(cache);
    json_object_set_new(model, "_any_without_former", json_boolean(any_without_former));
    json_object_set_new(model, "_has_classes",
                        json_boolean(json_array_size(json_object_get(registry, "classes")) > 0));
    annotate_class_members(json_object_get(registry, "classes"), codes);
    json_object_set_new(model, "_source", json_string(source_name));
    /* The C prefix: as given, or the registry's name upper-cased. */
    const json_t *prefix = json_object_get(registry, "prefix");
    char *upper = prefix ? strdup(json_string_value(prefix))
                         : text_upper(json_string_value(json_object_get(registry, "name")));
    char *lower = upper ? text_fold(upper) : NULL;
    json_object_set_new(model, "_prefix", json_string(upper));
    json_object_set_new(model, "_lower_prefix", json_string(lower));
    free(upper);
    free(lower);
    json_object_set_new(model, "_count", json_integer((json_int_t)json_array_size(codes)));
    annotate_fields(model);
    return true;
}
