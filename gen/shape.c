/* shape.c: unknown keys, missing keys and value types, reported by location. */
#include "shape.h"
#include "text.h"

#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void add_error(struct checker *checker, struct mark at, const char *format, va_list args)
{
    char text[1024];
    vsnprintf(text, sizeof text, format, args);
    diag_add(checker->diags, checker->file, at, "%s", text);
}

const char *check_quoted(const json_t *text, char *buffer)
{
    return text_quote(json_string_value(text), json_string_length(text), buffer, QUOTE_BUFFER);
}

void check_error(struct checker *checker, const json_t *node, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    add_error(checker, mark_of(checker->where, node), format, args);
    va_end(args);
}

void check_error_at(struct checker *checker, struct mark at, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    add_error(checker, at, format, args);
    va_end(args);
}

static const char *kind_of(const struct checker *checker, const json_t *node)
{
    if (json_is_object(node))
        return "a mapping";
    if (json_is_array(node))
        return "a list";
    const struct where *where = where_of(checker->where, node);
    if (where && where->plain &&
        text_is_null_like(json_string_value(node), json_string_length(node)))
        return "null (no value)";
    return "a string";
}

bool check_is_mapping(struct checker *checker, const json_t *node, const char *what)
{
    if (json_is_object(node))
        return true;
    check_error(checker, node, "%s must be a mapping, not %s", what, kind_of(checker, node));
    return false;
}

/* Plain scalars only: "404" in quotes is a string, as is 404.0 or 0x194. */
static bool check_integer(struct checker *checker, json_t *map, const char *key, json_t *value,
                          enum value_type type)
{
    const struct where *where = where_of(checker->where, value);
    const char *text = json_string_value(value);
    size_t length = json_string_length(value);
    /* A code is a C int; a field of the registry's own a long long, the
     * most negative one left out (C has no literal for it). */
    long long min = type == VALUE_INTEGER ? INT_MIN : -LLONG_MAX;
    long long max = type == VALUE_INTEGER ? INT_MAX : LLONG_MAX, number;
    char quoted[QUOTE_BUFFER];
    if (!json_is_string(value)) {
        check_error(checker, value, "'%s' must be an integer, not %s", key,
                    kind_of(checker, value));
        return false;
    }
    if (!where || !where->plain) {
        check_error(checker, value, "'%s' must be a plain integer, not a quoted string", key);
        return false;
    }
    if (!text_to_integer(text, length, min, max, &number)) {
        check_error(checker, value,
                    "'%s' must be a decimal integer from %lld to %lld without '+', leading "
                    "zero, fraction or exponent, not '%s'",
                    key, min, max, text_quote(text, length, quoted, sizeof quoted));
        return false;
    }
    json_t *integer = json_integer((json_int_t)number);
    if (!integer || !where_put(checker->where, integer, *where))
        return false;
    json_object_set_new(map, key, integer);
    return true;
}

static bool check_string_content(struct checker *checker, const char *key, const json_t *value,
                                 enum value_type type)
{
    const char *text = json_string_value(value);
    size_t length = json_string_length(value);
    size_t limit = type == VALUE_PHRASE ? MAX_PHRASE_BYTES : MAX_STRING_BYTES;
    if (length > limit) {
        check_error(checker, value, "'%s' is %zu bytes long; the limit is %zu", key, length, limit);
        return false;
    }
    if (type == VALUE_PHRASE && !text_is_phrase(text, length)) {
        check_error(checker, value,
                    "'%s' must be printable ASCII (0x20-0x7E) without space at either end", key);
        return false;
    }
    bool clean =
        type == VALUE_TEXT ? text_is_multi_line(text, length) : text_is_single_line(text, length);
    if (!clean) {
        check_error(checker, value, "'%s' contains a control character%s", key,
                    type == VALUE_TEXT ? " (only line feeds are allowed)" : "");
        return false;
    }
    return true;
}

static bool check_string_value(struct checker *checker, const char *key, const json_t *value,
                               enum value_type type, bool required)
{
    /* The text first: the location table is a cache miss per node. */
    const struct where *where =
        text_is_null_like(json_string_value(value), json_string_length(value))
            ? where_of(checker->where, value)
            : NULL;
    if (where && where->plain) {
        if (required)
            check_error(checker, value, "'%s' needs a value", key);
        else
            check_error(checker, value, "'%s' has no value: give one or leave the key out", key);
        return false;
    }
    if (json_string_length(value) == 0) {
        check_error(checker, value, "'%s' must not be empty", key);
        return false;
    }
    return check_string_content(checker, key, value, type);
}

static bool check_string(struct checker *checker, const char *key, const json_t *value,
                         enum value_type type, bool required)
{
    if (!json_is_string(value)) {
        check_error(checker, value, "'%s' must be a string, not %s", key, kind_of(checker, value));
        return false;
    }
    return check_string_value(checker, key, value, type, required);
}

/* An item of a list of strings: say "an item of 'former'", not "'former'". */
static bool check_item(struct checker *checker, const char *key, const json_t *item,
                       enum value_type type)
{
    if (!json_is_string(item)) {
        check_error(checker, item, "each item of '%s' must be a string, not %s", key,
                    kind_of(checker, item));
        return false;
    }
    return check_string_value(checker, key, item, type, true);
}

static bool check_list(struct checker *checker, const char *key, json_t *value,
                       enum value_type item_type)
{
    if (!json_is_array(value)) {
        check_error(checker, value, "'%s' must be a list, not %s", key, kind_of(checker, value));
        return false;
    }
    if (item_type == VALUE_MAPPING)
        return true;
    bool valid = true;
    size_t index;
    json_t *item;
    json_array_foreach (value, index, item) {
        if (!check_item(checker, key, item, item_type))
            valid = false;
    }
    return valid;
}

/* true or false, plain (a quoted "true" is a string), as JSON's. */
static bool check_boolean(struct checker *checker, json_t *map, const char *key, json_t *value)
{
    const struct where *where = where_of(checker->where, value);
    const char *text = json_string_value(value);
    if (text && where && where->plain && (!strcmp(text, "true") || !strcmp(text, "false"))) {
        json_object_set_new(map, key, json_boolean(text[0] == 't'));
        return true;
    }
    char quoted[QUOTE_BUFFER];
    if (text)
        check_error(checker, value, "'%s' must be true or false, not '%s'", key,
                    check_quoted(value, quoted));
    else
        check_error(checker, value, "'%s' must be true or false, not %s", key,
                    kind_of(checker, value));
    return false;
}

/* One of the values FIELD's declaration lists. */
static bool check_enum(struct checker *checker, const struct field *field, const json_t *value)
{
    if (!check_string(checker, field->key, value, VALUE_LINE, field->presence == REQUIRED))
        return false;
    const json_t *values = json_object_get(field->declared, "values"), *allowed;
    size_t index;
    json_array_foreach (values, index, allowed)
        if (json_equal(allowed, value))
            return true;
    char listed[512] = "", quoted[QUOTE_BUFFER];
    size_t used = 0;
    json_array_foreach (values, index, allowed)
        if (used < sizeof listed)
            used += (size_t)snprintf(listed + used, sizeof listed - used, "%s%s", index ? ", " : "",
                                     json_string_value(allowed));
    check_error(checker, value, "'%s' must be one of %s, not '%s'", field->key, listed,
                check_quoted(value, quoted));
    return false;
}

bool check_field_value(struct checker *checker, json_t *map, const struct field *field,
                       json_t *value)
{
    switch (field->type) {
    case VALUE_INTEGER:
    case VALUE_INT64:
        return check_integer(checker, map, field->key, value, field->type);
    case VALUE_LINE:
    case VALUE_TEXT:
    case VALUE_PHRASE:
        return check_string(checker, field->key, value, field->type, field->presence == REQUIRED);
    case VALUE_PHRASES:
        return check_list(checker, field->key, value, VALUE_PHRASE);
    case VALUE_LINES:
        return check_list(checker, field->key, value, VALUE_LINE);
    case VALUE_MAPPINGS:
        return check_list(checker, field->key, value, VALUE_MAPPING);
    case VALUE_MAPPING:
        if (json_is_object(value))
            return true;
        check_error(checker, value, "'%s' must be a mapping, not %s", field->key,
                    kind_of(checker, value));
        return false;
    case VALUE_BOOLEAN:
        return check_boolean(checker, map, field->key, value);
    case VALUE_ENUM:
        return check_enum(checker, field, value);
    case VALUE_ANY:
        return true;
    }
    return false;
}

/* Whether a registry may give KEY in a mapping of KIND. */
static bool is_accepted(const struct mapping_kind *kind, const char *key)
{
    for (size_t i = 0; i < kind->count; i++)
        if (kind->fields[i].presence != DERIVED && strcmp(kind->fields[i].key, key) == 0)
            return true;
    return false;
}

static void list_keys(const struct mapping_kind *kind, char *buffer, size_t size)
{
    size_t used = 0;
    buffer[0] = '\0';
    for (size_t i = 0; i < kind->count && used < size; i++)
        if (kind->fields[i].presence != DERIVED)
            used += (size_t)snprintf(buffer + used, size - used, "%s%s", used ? ", " : "",
                                     kind->fields[i].key);
}

static void check_unknown_keys(struct checker *checker, json_t *map,
                               const struct mapping_kind *kind)
{
    const char *key;
    json_t *value;
    void *next;
    char expected[512];
    json_object_foreach_safe (map, next, key, value) {
        if (is_accepted(kind, key))
            continue;
        char quoted[QUOTE_BUFFER];
        list_keys(kind, expected, sizeof expected);
        /* A key with a space is most often the rest of a value that a ','
         * cut short in a { } mapping. */
        const char *hint = strchr(key, ' ') ? "; was a ',' in an unquoted value of a { } "
                                              "mapping? Quote the value"
                                            : "";
        check_error_at(checker, key_mark_of(checker->where, value),
                       "unknown key '%s' in %s (expected one of: %s)%s",
                       text_quote(key, strlen(key), quoted, sizeof quoted), kind->what, expected,
                       hint);
        json_object_del(map, key);
    }
}

bool check_fields(struct checker *checker, json_t *map, const struct mapping_kind *kind)
{
    if (!check_is_mapping(checker, map, kind->what))
        return false;
    check_unknown_keys(checker, map, kind);
    for (size_t i = 0; i < kind->count; i++) {
        const struct field *field = &kind->fields[i];
        json_t *value = json_object_get(map, field->key);
        if (field->presence == DERIVED)
            continue;
        if (!value) {
            if (field->presence == REQUIRED)
                check_error(checker, map, "%s is missing '%s'", kind->what, field->key);
            continue;
        }
        if (!check_field_value(checker, map, field, value))
            json_object_del(map, field->key);
    }
    return true;
}
