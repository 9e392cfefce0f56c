/* annotate_fields.c: the '_' keys of declared fields (annotate_fields.h). */
#include "annotate_fields.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

static const char *const type_keys[][2] = {
    {"string", "_is_string"}, {"integer", "_is_integer"}, {"boolean", "_is_boolean"},
    {"list", "_is_list"},     {"enum", "_is_enum"},
};

static void set_upper(json_t *object, const char *key, const char *text)
{
    char *upper = text_upper(text);
    json_object_set_new(object, key, json_string(upper));
    free(upper);
}

/* One _is_ per type, true for TYPE's: templates test booleans. */
static void set_type_flags(json_t *object, const char *type)
{
    for (size_t i = 0; i < sizeof type_keys / sizeof *type_keys; i++)
        json_object_set_new(object, type_keys[i][1],
                            json_boolean(type && strcmp(type, type_keys[i][0]) == 0));
}

static json_t *enum_values(const json_t *declaration)
{
    json_t *values = json_array();
    size_t index;
    const json_t *value;
    json_array_foreach (json_object_get(declaration, "values"), index, value) {
        json_t *item = json_object();
        json_object_set(item, "value", (json_t *)value);
        set_upper(item, "_upper", json_string_value(value));
        json_array_append_new(values, item);
    }
    return values;
}

/* ENTRY's value of the field DECLARATION declares, for a template. */
static json_t *entry_field(const json_t *entry, const json_t *declaration)
{
    const char *name = json_string_value(json_object_get(declaration, "name"));
    const char *type = json_string_value(json_object_get(declaration, "type"));
    json_t *value = json_object_get(entry, name);
    json_t *item = json_object();
    json_object_set_new(item, "field", json_string(name));
    json_object_set(item, "value", value ? value : json_null());
    json_object_set(item, "_field_upper", json_object_get(declaration, "_field_upper"));
    set_type_flags(item, type);
    if (json_is_string(value) && strcmp(type, "enum") == 0)
        set_upper(item, "_value_upper", json_string_value(value));
    json_object_set_new(item, "_has_items", json_boolean(json_array_size(value) > 0));
    bool present = json_is_array(value) ? json_array_size(value) > 0 : value != NULL;
    json_object_set_new(item, "_present", json_boolean(present));
    return item;
}

void annotate_fields(json_t *model)
{
    json_t *declarations = json_object_get(json_object_get(model, "registry"), "fields");
    json_t *codes = json_object_get(model, "codes");
    size_t index, position;
    json_t *declaration, *entry;
    json_array_foreach (declarations, index, declaration) {
        const char *name = json_string_value(json_object_get(declaration, "name"));
        set_upper(declaration, "_field_upper", name);
        set_type_flags(declaration, json_string_value(json_object_get(declaration, "type")));
        json_object_set_new(declaration, "_values", enum_values(declaration));
        bool any_empty = false;
        json_array_foreach (codes, position, entry)
            any_empty = any_empty || json_array_size(json_object_get(entry, name)) == 0;
        json_object_set_new(declaration, "_any_empty", json_boolean(any_empty));
    }
    /* Without declarations no entry gets a _fields: a section on it skips. */
    if (json_array_size(declarations) > 0)
        json_array_foreach (codes, index, entry) {
            json_t *fields = json_array();
            json_array_foreach (declarations, position, declaration)
                json_array_append_new(fields, entry_field(entry, declaration));
            json_object_set_new(entry, "_fields", fields);
        }
    json_object_set_new(model, "_has_fields", json_boolean(json_array_size(declarations) > 0));
}
