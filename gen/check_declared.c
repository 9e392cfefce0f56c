/* check_declared.c: the fields a registry declares of its own
 * (registry.fields): their names, types, values and defaults. */
#include "check_declared.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The name: a lower-case identifier that no other field has, no built-in
 * field of an entry, no key of the model's top (schema, registry, codes),
 * and no keyword of a language regen writes. */
static bool check_field_name(struct checker *checker, const json_t *declaration, json_t *seen)
{
    const json_t *node = json_object_get(declaration, "name");
    const char *name = json_string_value(node);
    const char *language = name ? text_keyword_language(name) : NULL;
    const json_t *first = name ? json_object_get(seen, name) : NULL;
    if (!name)
        return false;
    if (!text_is_lower_identifier(name) || strstr(name, "__")) {
        check_error(checker, node, "field name '%s' must match [a-z][a-z0-9_]* without '__'", name);
    } else if (field_is_built_in(name)) {
        check_error(checker, node, "field name '%s' is taken by a built-in field of an entry",
                    name);
    } else if (field_named(&document_kind, name)) {
        /* Inside an entry's section, a template would find the field, not
         * the model's own key. */
        check_error(checker, node,
                    "field name '%s' would hide the model's '%s' inside an entry; choose another",
                    name, name);
    } else if (language) {
        check_error(checker, node, "field name '%s' is a keyword of %s", name, language);
    } else if (first) {
        struct mark at = mark_of(checker->where, first);
        check_error(checker, node, "duplicate field name '%s' (first at %d:%d)", name, at.line,
                    at.col);
    } else {
        json_object_set(seen, name, (json_t *)node);
        return true;
    }
    return false;
}

/* An enum's values: lower-case identifiers, each once, each a C constant
 * PREFIX_FIELD_VALUE that no entry may take (RESERVED). */
static void check_values(struct checker *checker, const json_t *declaration, json_t *reserved)
{
    const char *field = json_string_value(json_object_get(declaration, "name"));
    const json_t *values = json_object_get(declaration, "values");
    size_t index;
    const json_t *value;
    json_array_foreach (values, index, value) {
        const char *text = json_string_value(value);
        char *upper = NULL, *constant = NULL;
        if (!text_is_lower_identifier(text) || strstr(text, "__")) {
            check_error(checker, value,
                        "value '%s' of an enum must match [a-z][a-z0-9_]* without '__': it is "
                        "part of a C name",
                        text);
            continue;
        }
        for (size_t earlier = 0; earlier < index; earlier++)
            if (json_equal(json_array_get(values, earlier), value)) {
                check_error(checker, value, "value '%s' is listed twice", text);
                text = NULL;
                break;
            }
        if (!text || !field || !(upper = text_upper(field)))
            continue;
        size_t size = strlen(upper) + strlen(text) + 2;
        if ((constant = malloc(size))) {
            snprintf(constant, size, "%s_%s", upper, text);
            char *name = text_upper(constant);
            struct mark at = mark_of(checker->where, value);
            char description[512];
            snprintf(description, sizeof description, "value '%s' of field '%s', declared at %d:%d",
                     text, field, at.line, at.col);
            const json_t *taken = name ? json_object_get(reserved, name) : NULL;
            if (taken)
                check_error(checker, value,
                            "value '%s' of field '%s' would define the same C name as %s (%s)",
                            text, field, json_string_value(taken), name);
            else if (name)
                json_object_set_new(reserved, name, json_string(description));
            free(name);
        }
        free(constant);
        free(upper);
    }
}

/* The type, and what goes with it: values for an enum only, and a default
 * of the field's type (an optional enum must have one; a required field
 * has none). */
static void check_type(struct checker *checker, json_t *declaration, struct registry_facts *facts)
{
    const json_t *type = json_object_get(declaration, "type");
    enum value_type value_type = field_type_of(declaration);
    bool is_enum = value_type == VALUE_ENUM;
    const json_t *values = json_object_get(declaration, "values");
    json_t *fallback = json_object_get(declaration, "default");
    bool required = json_is_true(json_object_get(declaration, "required"));
    char quoted[QUOTE_BUFFER];
    if (!type)
        return; /* missing, or not a string: reported */
    if (value_type == VALUE_ANY) {
        check_error(checker, type,
                    "unknown type '%s' (expected string, integer, boolean, list or enum)",
                    check_quoted(type, quoted));
        return;
    }
    if (values && !is_enum)
        check_error(checker, values, "only an enum field has 'values'");
    else if (is_enum && json_array_size(values) == 0)
        check_error(checker, values ? values : declaration, "an enum field needs 'values'");
    else if (is_enum)
        check_values(checker, declaration, facts->reserved_names);
    if (fallback && required)
        check_error(checker, fallback, "a required field has no 'default'");
    else if (fallback)
        check_field_value(checker, declaration,
                          &(struct field){"default", value_type, OPTIONAL, NULL, declaration},
                          fallback);
    else if (is_enum && !required)
        check_error(checker, declaration,
                    "an optional enum field needs a 'default' (one of its values)");
}

void check_declared_fields(struct checker *checker, json_t *registry, struct registry_facts *facts)
{
    json_t *declarations = json_object_get(registry, "fields");
    json_t *seen = json_object();
    size_t index;
    json_t *declaration;
    json_array_foreach (declarations, index, declaration) {
        if (!check_fields(checker, declaration, &declaration_kind))
            continue;
        if (check_field_name(checker, declaration, seen))
            check_type(checker, declaration, facts);
        else
            json_object_del(declaration, "name"); /* no field of an entry */
    }
    json_decref(seen);
}
