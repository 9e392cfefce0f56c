/* check.c: the document, its registry header, classes and flags. */
#include "check.h"
#include "check_codes.h"
#include "check_langs.h"
#include "check_declared.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define SUPPORTED_SCHEMA 1
#define MAX_FLAGS        32 /* each flag is one bit of an unsigned 32-bit mask */

#define COUNT_OF(array) (sizeof(array) / sizeof *(array))

static bool get_integer(const json_t *map, const char *key, long *value)
{
    const json_t *node = json_object_get(map, key);
    if (!json_is_integer(node))
        return false;
    *value = (long)json_integer_value(node);
    return true;
}

/* Both ends present and in order; reports max < min at MAX. */
static bool check_range(struct checker *checker, const json_t *map, long *min, long *max)
{
    if (!get_integer(map, "min", min) || !get_integer(map, "max", max))
        return false;
    if (*max >= *min)
        return true;
    check_error(checker, json_object_get(map, "max"), "'max' (%ld) is below 'min' (%ld)", *max,
                *min);
    return false;
}

/* A lower-case identifier, unique among its kind (SEEN: name -> node). */
static bool check_lower_name(struct checker *checker, const json_t *map, const char *what,
                             json_t *seen)
{
    const json_t *node = json_object_get(map, "name");
    const char *name = json_string_value(node);
    if (!name)
        return false;
    if (!text_is_lower_identifier(name)) {
        check_error(checker, node, "%s name '%s' must match [a-z][a-z0-9_]*", what, name);
        return false;
    }
    if (strstr(name, "__")) {
        check_error(checker, node, "%s name '%s' must not contain '__' (reserved in C++)", what,
                    name);
        return false;
    }
    const json_t *first = json_object_get(seen, name);
    if (first) {
        struct mark at = mark_of(checker->where, first);
        check_error(checker, node, "duplicate %s name '%s' (first at %d:%d)", what, name, at.line,
                    at.col);
        return false;
    }
    json_object_set(seen, name, (json_t *)node);
    return true;
}

static void check_schema_version(struct checker *checker, const json_t *document)
{
    const json_t *schema = json_object_get(document, "schema");
    if (json_is_integer(schema) && json_integer_value(schema) != SUPPORTED_SCHEMA)
        check_error(checker, schema, "unsupported schema version %lld (only %d is supported)",
                    (long long)json_integer_value(schema), SUPPORTED_SCHEMA);
}

/* The sets chosen name a module or package by the registry's name as
 * written (package http_status, mod http_status, import http_status). */
static void check_registry_name_in_langs(struct checker *checker, const json_t *node,
                                         const char *name)
{
    for (size_t i = 0; i < checker->lang_count; i++)
        if (text_is_keyword_of(name, checker->langs[i]->language))
            check_error(checker, node,
                        "registry name '%s' is a keyword of %s, where it names the module "
                        "(--lang %s)",
                        name, checker->langs[i]->language, checker->langs[i]->lang);
}

static void check_registry_name(struct checker *checker, const json_t *registry)
{
    const json_t *node = json_object_get(registry, "name");
    const char *name = json_string_value(node);
    if (!name)
        return;
    if (!text_is_lower_identifier(name))
        check_error(checker, node, "registry name '%s' must match [a-z][a-z0-9_]*", name);
    else if (strstr(name, "__") || name[strlen(name) - 1] == '_')
        check_error(checker, node,
                    "registry name '%s' must not contain '__' or end in '_': it prefixes C "
                    "names (NAME_lookup), and C++ reserves names with '__'",
                    name);
    else if (text_is_c_keyword(name))
        check_error(checker, node, "registry name '%s' is a C or C++ keyword", name);
    else
        check_registry_name_in_langs(checker, node, name);
}

/* The C prefix, when given: upper case as macros are written, and lower
 * case (its functions and types) no C or C++ keyword. */
static void check_registry_prefix(struct checker *checker, const json_t *registry)
{
    const json_t *node = json_object_get(registry, "prefix");
    const char *prefix = json_string_value(node);
    if (!prefix)
        return;
    char *lower = text_fold(prefix);
    if (!text_is_upper_identifier(prefix))
        check_error(checker, node, "prefix '%s' must match [A-Z][A-Z0-9_]*", prefix);
    else if (strstr(prefix, "__") || prefix[strlen(prefix) - 1] == '_')
        check_error(checker, node,
                    "prefix '%s' must not contain '__' or end in '_': it begins C names "
                    "(PREFIX_COUNT, prefix_lookup), and C++ reserves names with '__'",
                    prefix);
    else if (lower && text_is_c_keyword(lower))
        check_error(checker, node,
                    "prefix '%s' in lower case is a C or C++ keyword, and names a type "
                    "(enum %s)",
                    prefix, lower);
    free(lower);
}

/* Names the generated header defines itself after its prefix (HTTP_STATUS_):
 * no entry, class or flag may take them. */
static void reserve_header_names(json_t *reserved)
{
    static const char *const names[][2] = {
        {"COUNT", "the entry count"},
        {"MAP", "the X-macro"},
        {"H", "the include guard"},
        {"MIN", "the lowest code"},
        {"MAX", "the highest code"},
        {"STANDARD", "the status 'standard'"},
        {"DEPRECATED", "the status 'deprecated'"},
        {"RESERVED", "the status 'reserved'"},
        {"UNOFFICIAL", "the status 'unofficial'"},
    };
    for (size_t i = 0; i < COUNT_OF(names); i++)
        json_object_set_new(reserved, names[i][0], json_string(names[i][1]));
}

/* A class or flag named NAME defines PREFIX_NAME in the header: reserve it,
 * unless the header already defines that name for something else. */
/* "flag 'cacheable', declared at 14:7": which one of the registry's own
 * names takes a C name, and where, for the error of the entry it clashes
 * with. */
static json_t *describe_declared(struct checker *checker, const char *what, const json_t *name)
{
    struct mark at = mark_of(checker->where, name);
    char text[512];
    snprintf(text, sizeof text, "%s '%s', declared at %d:%d", what, json_string_value(name),
             at.line, at.col);
    return json_string(text);
}

static void reserve_vocabulary_name(struct checker *checker, const json_t *map, const char *what,
                                    json_t *reserved)
{
    const json_t *node = json_object_get(map, "name");
    char *upper = text_upper(json_string_value(node));
    const json_t *taken = json_object_get(reserved, upper);
    if (taken)
        check_error(checker, node, "%s name '%s' would define the same C name as %s (%s)", what,
                    json_string_value(node), json_string_value(taken), upper);
    else
        json_object_set_new(reserved, upper, describe_declared(checker, what, node));
    free(upper);
}

static int compare_ranges(const void *left, const void *right)
{
    const struct class_range *a = left, *b = right;
    if (a->min != b->min)
        return a->min < b->min ? -1 : 1;
    return (a->max > b->max) - (a->max < b->max);
}

static const char *class_name(const struct class_range *range)
{
    const char *name = json_string_value(json_object_get(range->map, "name"));
    return name ? name : "?";
}

/* No two classes share a code, and none reaches outside [min, max]: sorted
 * by start, each class must begin after the furthest end seen so far. Codes
 * that no entry uses may lie in no class (check_codes.c checks the used).
 * False when a rule is broken. */
static bool check_disjoint(struct checker *checker, struct class_range *ranges, size_t count,
                           long min, long max)
{
    qsort(ranges, count, sizeof *ranges, compare_ranges);
    const struct class_range *furthest = NULL; /* the class that ends last so far */
    bool disjoint = true;
    for (size_t i = 0; i < count; i++) {
        const struct class_range *range = &ranges[i];
        const json_t *start = json_object_get(range->map, "min");
        const json_t *end = json_object_get(range->map, "max");
        if (range->min < min || range->max > max) {
            check_error(checker, range->min < min ? start : end,
                        "class '%s' (%ld-%ld) reaches outside the range %ld-%ld", class_name(range),
                        range->min, range->max, min, max);
            disjoint = false;
        } else if (furthest && range->min <= furthest->max) {
            check_error(checker, start, "class '%s' (%ld-%ld) overlaps class '%s' (%ld-%ld)",
                        class_name(range), range->min, range->max, class_name(furthest),
                        furthest->min, furthest->max);
            disjoint = false;
        }
        if (!furthest || range->max > furthest->max)
            furthest = range;
    }
    return disjoint;
}

static void check_classes(struct checker *checker, const json_t *registry,
                          struct registry_facts *facts)
{
    const json_t *classes = json_object_get(registry, "classes");
    if (!classes)
        return;
    if (json_array_size(classes) == 0) {
        check_error(checker, classes, "'classes' must not be empty");
        return;
    }
    json_t *seen = json_object();
    struct class_range *ranges = calloc(json_array_size(classes), sizeof *ranges);
    if (!ranges) {
        json_decref(seen);
        return;
    }
    size_t count = 0, index;
    bool all_valid = true;
    json_t *map;
    json_array_foreach (classes, index, map) {
        if (!check_fields(checker, map, &class_kind)) {
            all_valid = false;
            continue;
        }
        if (check_lower_name(checker, map, "class", seen))
            reserve_vocabulary_name(checker, map, "class", facts->reserved_names);
        struct class_range *range = &ranges[count];
        range->map = map;
        if (check_range(checker, map, &range->min, &range->max))
            count++;
        else
            all_valid = false;
    }
    if (all_valid && facts->range_known &&
        check_disjoint(checker, ranges, count, facts->min, facts->max)) {
        facts->classes = ranges; /* the entries' codes are looked up in them */
        facts->class_count = count;
    } else {
        free(ranges);
    }
    json_decref(seen);
}

static void check_flags(struct checker *checker, const json_t *registry,
                        struct registry_facts *facts)
{
    const json_t *flags = json_object_get(registry, "flags");
    if (json_array_size(flags) > MAX_FLAGS)
        check_error(checker, flags, "%zu flags; the limit is %d (one bit each)",
                    json_array_size(flags), MAX_FLAGS);
    size_t index;
    json_t *map;
    facts->flags_known = true;
    json_array_foreach (flags, index, map) {
        bool valid = check_fields(checker, map, &flag_kind) &&
                     check_lower_name(checker, map, "flag", facts->flag_names);
        if (!valid) {
            facts->flags_known = false;
            continue;
        }
        reserve_vocabulary_name(checker, map, "flag", facts->reserved_names);
    }
}

static void check_header(struct checker *checker, json_t *registry, struct registry_facts *facts)
{
    bool flags_given = json_is_object(registry) && json_object_get(registry, "flags");
    if (!check_fields(checker, registry, &registry_kind))
        return;
    check_registry_name(checker, registry);
    check_registry_prefix(checker, registry);
    facts->range_known = check_range(checker, registry, &facts->min, &facts->max);
    /* A flags list that was itself invalid has been dropped: its names are
     * unknown, so entries' flags cannot be judged. */
    if (!flags_given || json_object_get(registry, "flags"))
        check_flags(checker, registry, facts);
    check_classes(checker, registry, facts);
    check_declared_fields(checker, registry, facts);
}

bool check_registry(struct checker *checker, json_t *model)
{
    size_t errors_before = checker->diags->count;
    if (!check_fields(checker, model, &document_kind))
        return false;
    check_schema_version(checker, model);
    struct registry_facts facts = {
        .flag_names = json_object(),
        .reserved_names = json_object(),
    };
    reserve_header_names(facts.reserved_names);
    json_t *registry = json_object_get(model, "registry");
    if (registry)
        check_header(checker, registry, &facts);
    if (registry && checker->lang_count)
        check_lang_names(checker, registry);
    json_t *codes = json_object_get(model, "codes");
    facts.entry_fields = entry_fields_of(registry);
    if (!facts.entry_fields)
        check_error_at(checker, (struct mark){0, 0}, "out of memory while checking the fields");
    else if (codes && json_array_size(codes) == 0)
        check_error(checker, codes, "'codes' must not be empty");
    else if (codes)
        check_codes(checker, codes, &facts);
    entry_fields_free(facts.entry_fields);
    json_decref(facts.flag_names);
    json_decref(facts.reserved_names);
    free(facts.classes);
    return checker->diags->count == errors_before;
}
