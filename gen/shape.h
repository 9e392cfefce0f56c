/* shape.h: the generic part of checking: which keys a mapping may hold, which
 * it must, and what type each value has.
 *
 * A value that fails its check is reported and then removed from the model,
 * so that the rules that follow (ranges, uniqueness) see only values of the
 * right type and never report one mistake twice. Integer fields, loaded as
 * strings, become JSON integers here. */
#ifndef REGEN_SHAPE_H
#define REGEN_SHAPE_H

#include "diag.h"
#include "where.h"

#include <jansson.h>

struct checker {
    const char *file;
    struct where_table *where;
    struct diags *diags;
};

enum value_type {
    VALUE_INTEGER,  /* plain decimal, 0 to 2147483647 */
    VALUE_LINE,     /* a string without control characters */
    VALUE_TEXT,     /* a string that may also hold line feeds */
    VALUE_PHRASE,   /* printable ASCII, no space at the ends, at most 200 bytes */
    VALUE_PHRASES,  /* a list of phrases */
    VALUE_LINES,    /* a list of single-line strings */
    VALUE_MAPPING,  /* checked further by the caller */
    VALUE_MAPPINGS, /* a list of mappings, checked further by the caller */
};

struct field {
    const char *key;
    enum value_type type;
    bool required;
};

/* TEXT quoted for a message, into BUFFER (QUOTE_BUFFER bytes). Done only
 * when reporting: nearly every value passes. */
const char *check_quoted(const json_t *text, char *buffer);

void check_error(struct checker *checker, const json_t *node, const char *format, ...)
    REGEN_PRINTF(3, 4);
void check_error_at(struct checker *checker, struct mark at, const char *format, ...)
    REGEN_PRINTF(3, 4);

/* Checks MAP (described as WHAT, e.g. "a code entry") against FIELDS.
 * Returns false when MAP is not a mapping at all. */
bool check_fields(struct checker *checker, json_t *map, const char *what,
                  const struct field *fields, size_t count);

/* Checks that NODE is a mapping, reporting it as WHAT otherwise. */
bool check_is_mapping(struct checker *checker, const json_t *node, const char *what);

#endif
