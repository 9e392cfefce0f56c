/* fields.h: the keys each kind of mapping in a registry holds, in canonical
 * order (the order of the model and of the JSON artifact).
 *
 * One table per kind, read by the check (which keys a mapping may hold,
 * which it must, and of what type: shape.c) and by derive (which keys the
 * model keeps, in this order, and what it fills in): a new field is one
 * row, and it is validated, kept and printed. */
#ifndef REGEN_FIELDS_H
#define REGEN_FIELDS_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

enum value_type {
    VALUE_INTEGER,  /* plain decimal, a C int */
    VALUE_INT64,    /* plain decimal, a long long (but its most negative) */
    VALUE_LINE,     /* a string without control characters */
    VALUE_TEXT,     /* a string that may also hold line feeds */
    VALUE_PHRASE,   /* printable ASCII, no space at the ends, at most 200 bytes */
    VALUE_PHRASES,  /* a list of phrases */
    VALUE_LINES,    /* a list of single-line strings */
    VALUE_MAPPING,  /* checked further by the caller */
    VALUE_MAPPINGS, /* a list of mappings, checked further by the caller */
    VALUE_BOOLEAN,  /* plain true or false */
    VALUE_ENUM,     /* a line, one of its declaration's values */
    VALUE_ANY,      /* anything: checked by the caller, or not at all */
};

enum presence {
    OPTIONAL,          /* may be left out; an optional list is then empty in the model */
    OPTIONAL_LEFT_OUT, /* may be left out, and then stays out of the model */
    REQUIRED,
    DERIVED,          /* never written in a registry: derive makes it (derive.c) */
    GIVEN_OR_DERIVED, /* may be given; derive makes it when it is not */
};

struct field {
    const char *key;
    enum value_type type;
    enum presence presence;
    const char *fallback;   /* a built-in OPTIONAL field's value when left out */
    const json_t *declared; /* a field of the registry's own: its declaration */
};

struct mapping_kind {
    const char *what; /* in messages: "a code entry" */
    const struct field *fields;
    size_t count;
};

/* An entry's statuses, in the order documents list them. */
#define STATUS_COUNT 4
extern const char *const entry_statuses[STATUS_COUNT];

extern const struct mapping_kind document_kind, registry_kind, class_kind, flag_kind,
    declaration_kind, entry_kind;

/* The fields of a code entry: the built-in ones (entry_kind), then those
 * REGISTRY declares in registry.fields, in their order. A declaration
 * whose type is not known yet (the check has still to refuse it) gives a
 * field of VALUE_ANY. NULL when out of memory; free with entry_fields_free. */
struct mapping_kind *entry_fields_of(const json_t *registry);
void entry_fields_free(struct mapping_kind *kind);

/* The value type of a field DECLARATION (registry.fields) declares by its
 * type (string, integer, boolean, list, enum); VALUE_ANY for another. */
enum value_type field_type_of(const json_t *declaration);

/* KIND's field KEY, or NULL. */
const struct field *field_named(const struct mapping_kind *kind, const char *key);

/* Whether NAME is the key of a built-in field of an entry, or the name of a
 * member of the generated entry struct. */
bool field_is_built_in(const char *name);

/* The value FIELD has when an entry leaves it out, new; NULL when it has
 * none (it stays out of the model, or derive makes it). */
json_t *field_default(const struct field *field);

/* Whether FIELD's value is a list (and so is empty, not absent, in the
 * model when it is left out). */
bool field_is_list(const struct field *field);

#endif
