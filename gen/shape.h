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
#include "fields.h"
#include "lang_names.h"
#include "where.h"

#include <jansson.h>

struct checker {
    const char *file;
    struct where_table *where;
    struct diags *diags;
    const struct lang_rule *const *langs; /* the sets chosen whose names need a check */
    size_t lang_count;
};

/* TEXT quoted for a message, into BUFFER (QUOTE_BUFFER bytes). Done only
 * when reporting: nearly every value passes. */
const char *check_quoted(const json_t *text, char *buffer);

void check_error(struct checker *checker, const json_t *node, const char *format, ...)
    REGEN_PRINTF(3, 4);
void check_error_at(struct checker *checker, struct mark at, const char *format, ...)
    REGEN_PRINTF(3, 4);

/* Checks MAP against the fields of its KIND (fields.h): no key that is not
 * one of them (or that only derive makes), every required one, each value
 * of its type. Returns false when MAP is not a mapping at all. */
bool check_fields(struct checker *checker, json_t *map, const struct mapping_kind *kind);

/* Checks VALUE, MAP's value for FIELD, against FIELD's type, reporting why
 * not; an integer or a boolean becomes one in MAP. */
bool check_field_value(struct checker *checker, json_t *map, const struct field *field,
                       json_t *value);

/* Checks that NODE is a mapping, reporting it as WHAT otherwise. */
bool check_is_mapping(struct checker *checker, const json_t *node, const char *what);

#endif
