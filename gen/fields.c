/* fields.c: the tables of fields (fields.h). */
#include "fields.h"

#include <stdlib.h>
#include <string.h>

/* A kind of mapping, from its description and its table; and a row with
 * neither a default nor a declaration. */
/* clang-format off */
#define KIND(what, fields) {what, fields, sizeof fields / sizeof *fields}
#define FIELD(key, type, presence) {key, type, presence, NULL, NULL}
/* clang-format on */

static const struct field document_fields[] = {
    FIELD("schema", VALUE_INTEGER, REQUIRED),
    FIELD("registry", VALUE_MAPPING, REQUIRED),
    FIELD("codes", VALUE_MAPPINGS, REQUIRED),
};

static const struct field registry_fields[] = {
    FIELD("name", VALUE_LINE, REQUIRED),
    FIELD("title", VALUE_TEXT, REQUIRED),
    FIELD("description", VALUE_TEXT, REQUIRED),
    FIELD("min", VALUE_INTEGER, REQUIRED),
    FIELD("max", VALUE_INTEGER, REQUIRED),
    FIELD("prefix", VALUE_LINE, OPTIONAL),
    FIELD("classes", VALUE_MAPPINGS, OPTIONAL),
    FIELD("flags", VALUE_MAPPINGS, OPTIONAL),
    FIELD("fields", VALUE_MAPPINGS, OPTIONAL_LEFT_OUT),
};

static const struct field class_fields[] = {
    FIELD("name", VALUE_LINE, REQUIRED),        FIELD("title", VALUE_TEXT, REQUIRED),
    FIELD("min", VALUE_INTEGER, REQUIRED),      FIELD("max", VALUE_INTEGER, REQUIRED),
    FIELD("description", VALUE_TEXT, OPTIONAL),
};

static const struct field flag_fields[] = {
    FIELD("name", VALUE_LINE, REQUIRED),
    FIELD("description", VALUE_TEXT, OPTIONAL),
};

/* A field of the registry's own (registry.fields). Its default, when it has
 * one, is checked against its type by check.c. */
static const struct field declaration_fields[] = {
    FIELD("name", VALUE_LINE, REQUIRED),
    FIELD("type", VALUE_LINE, REQUIRED),
    FIELD("description", VALUE_TEXT, OPTIONAL_LEFT_OUT),
    FIELD("required", VALUE_BOOLEAN, OPTIONAL_LEFT_OUT),
    FIELD("values", VALUE_LINES, OPTIONAL_LEFT_OUT),
    FIELD("default", VALUE_ANY, OPTIONAL_LEFT_OUT),
};

static const struct field entry_fields[] = {
    FIELD("code", VALUE_INTEGER, REQUIRED),
    FIELD("name", VALUE_LINE, GIVEN_OR_DERIVED),
    FIELD("reason", VALUE_PHRASE, REQUIRED),
    FIELD("class", VALUE_LINE, DERIVED),
    {"status", VALUE_LINE, OPTIONAL, "standard", NULL},
    FIELD("origin", VALUE_LINE, OPTIONAL),
    FIELD("spec", VALUE_LINE, OPTIONAL),
    FIELD("url", VALUE_LINE, OPTIONAL),
    FIELD("since", VALUE_LINE, OPTIONAL),
    FIELD("former", VALUE_PHRASES, OPTIONAL),
    FIELD("spellings", VALUE_PHRASES, OPTIONAL_LEFT_OUT),
    FIELD("flags", VALUE_LINES, OPTIONAL),
    FIELD("description", VALUE_TEXT, REQUIRED),
};

const char *const entry_statuses[STATUS_COUNT] = {"standard", "deprecated", "reserved",
                                                  "unofficial"};

const struct mapping_kind document_kind = KIND("the registry document", document_fields);
const struct mapping_kind registry_kind = KIND("'registry'", registry_fields);
const struct mapping_kind class_kind = KIND("a class", class_fields);
const struct mapping_kind flag_kind = KIND("a flag", flag_fields);
const struct mapping_kind entry_kind = KIND("a code entry", entry_fields);
const struct mapping_kind declaration_kind = KIND("a field", declaration_fields);

/* A declaration's type, as its field's value type. */
static const struct {
    const char *name;
    enum value_type type;
} declared_types[] = {
    {"string", VALUE_TEXT}, {"integer", VALUE_INT64}, {"boolean", VALUE_BOOLEAN},
    {"list", VALUE_LINES},  {"enum", VALUE_ENUM},
};

enum value_type field_type_of(const json_t *declaration)
{
    const char *name = json_string_value(json_object_get(declaration, "type"));
    for (size_t i = 0; name && i < sizeof declared_types / sizeof *declared_types; i++)
        if (strcmp(name, declared_types[i].name) == 0)
            return declared_types[i].type;
    return VALUE_ANY;
}

struct mapping_kind *entry_fields_of(const json_t *registry)
{
    const json_t *declarations = json_object_get(registry, "fields");
    size_t count = entry_kind.count + json_array_size(declarations), index;
    struct mapping_kind *kind = calloc(1, sizeof *kind);
    struct field *fields = calloc(count, sizeof *fields);
    if (!kind || !fields) {
        free(kind);
        free(fields);
        return NULL;
    }
    memcpy(fields, entry_kind.fields, entry_kind.count * sizeof *fields);
    *kind = (struct mapping_kind){entry_kind.what, fields, entry_kind.count};
    const json_t *declaration;
    json_array_foreach (declarations, index, declaration) {
        const char *name = json_string_value(json_object_get(declaration, "name"));
        if (!name)
            continue; /* refused by the check */
        bool required = json_is_true(json_object_get(declaration, "required"));
        fields[kind->count++] = (struct field){name, field_type_of(declaration),
                                               required ? REQUIRED : OPTIONAL, NULL, declaration};
    }
    return kind;
}

void entry_fields_free(struct mapping_kind *kind)
{
    if (kind)
        free((struct field *)kind->fields);
    free(kind);
}

const struct field *field_named(const struct mapping_kind *kind, const char *key)
{
    for (size_t i = 0; i < kind->count; i++)
        if (strcmp(kind->fields[i].key, key) == 0)
            return &kind->fields[i];
    return NULL;
}

bool field_is_built_in(const char *name)
{
    return field_named(&entry_kind, name) ||
           strcmp(name, "code_class") == 0; /* the class's member in the C struct */
}

json_t *field_default(const struct field *field)
{
    if (field->fallback)
        return json_string(field->fallback);
    const json_t *given = json_object_get(field->declared, "default");
    if (given)
        return json_deep_copy(given);
    if (field->presence == OPTIONAL_LEFT_OUT)
        return NULL;
    switch (field->type) {
    case VALUE_INT64:
        return field->declared ? json_integer(0) : NULL;
    case VALUE_BOOLEAN:
        return json_false();
    default:
        return field_is_list(field) ? json_array() : NULL;
    }
}

bool field_is_list(const struct field *field)
{
    return field->type == VALUE_PHRASES || field->type == VALUE_LINES ||
           field->type == VALUE_MAPPINGS;
}
