/* fields.c: the tables of fields (fields.h). */
#include "fields.h"

#define KIND(what, fields)                                                                         \
    {                                                                                              \
        what, fields, sizeof fields / sizeof *fields                                               \
    }

static const struct field document_fields[] = {
    {"schema", VALUE_INTEGER, REQUIRED},
    {"registry", VALUE_MAPPING, REQUIRED},
    {"codes", VALUE_MAPPINGS, REQUIRED},
};

static const struct field registry_fields[] = {
    {"name", VALUE_LINE, REQUIRED},        {"title", VALUE_TEXT, REQUIRED},
    {"description", VALUE_TEXT, REQUIRED}, {"min", VALUE_INTEGER, REQUIRED},
    {"max", VALUE_INTEGER, REQUIRED},      {"prefix", VALUE_LINE, OPTIONAL},
    {"classes", VALUE_MAPPINGS, REQUIRED}, {"flags", VALUE_MAPPINGS, OPTIONAL},
};

static const struct field class_fields[] = {
    {"name", VALUE_LINE, REQUIRED},        {"title", VALUE_TEXT, REQUIRED},
    {"min", VALUE_INTEGER, REQUIRED},      {"max", VALUE_INTEGER, REQUIRED},
    {"description", VALUE_TEXT, OPTIONAL},
};

static const struct field flag_fields[] = {
    {"name", VALUE_LINE, REQUIRED},
    {"description", VALUE_TEXT, OPTIONAL},
};

static const struct field entry_fields[] = {
    {"code", VALUE_INTEGER, REQUIRED},  {"name", VALUE_LINE, GIVEN_OR_DERIVED},
    {"reason", VALUE_PHRASE, REQUIRED}, {"class", VALUE_LINE, DERIVED},
    {"status", VALUE_LINE, REQUIRED},   {"origin", VALUE_LINE, OPTIONAL},
    {"spec", VALUE_LINE, OPTIONAL},     {"url", VALUE_LINE, OPTIONAL},
    {"since", VALUE_LINE, OPTIONAL},    {"former", VALUE_PHRASES, OPTIONAL},
    {"flags", VALUE_LINES, OPTIONAL},   {"description", VALUE_TEXT, REQUIRED},
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
