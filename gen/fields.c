/* fields.c: the tables of fields (fields.h). */
#include "fields.h"

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
    FIELD("name", VALUE_LINE, REQUIRED),        FIELD("title", VALUE_TEXT, REQUIRED),
    FIELD("description", VALUE_TEXT, REQUIRED), FIELD("min", VALUE_INTEGER, REQUIRED),
    FIELD("max", VALUE_INTEGER, REQUIRED),      FIELD("prefix", VALUE_LINE, OPTIONAL),
    FIELD("classes", VALUE_MAPPINGS, OPTIONAL), FIELD("flags", VALUE_MAPPINGS, OPTIONAL),
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
    FIELD("flags", VALUE_LINES, OPTIONAL),
    FIELD("description", VALUE_TEXT, REQUIRED),
};

const struct mapping_kind document_kind = KIND("the registry document", document_fields);
const struct mapping_kind registry_kind = KIND("'registry'", registry_fields);
const struct mapping_kind class_kind = KIND("a class", class_fields);
const struct mapping_kind flag_kind = KIND("a flag", flag_fields);
const struct mapping_kind entry_kind = KIND("a code entry", entry_fields);

bool field_is_list(const struct field *field)
{
    return field->type == VALUE_PHRASES || field->type == VALUE_LINES ||
           field->type == VALUE_MAPPINGS;
}

const char *field_default(const struct mapping_kind *kind, const char *key)
{
    for (size_t i = 0; i < kind->count; i++)
        if (strcmp(kind->fields[i].key, key) == 0)
            return kind->fields[i].fallback;
    return NULL;
}
