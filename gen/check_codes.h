/* check_codes.h: the code entries, in entry order (check.c gathers the
 * registry's header first). */
#ifndef REGEN_CHECK_CODES_H
#define REGEN_CHECK_CODES_H

#include "shape.h"

/* What the code entries are checked against, gathered from the registry's
 * header. A part that was itself invalid is left out (range_known false,
 * a flag missing), so that one mistake is not reported again per entry. */
/* A class's range, and the class. */
struct class_range {
    const json_t *map;
    long min, max;
};

struct registry_facts {
    bool range_known;
    long min, max;
    struct class_range *classes; /* sorted, disjoint; NULL: none, or not valid */
    size_t class_count;
    bool flags_known;                  /* every flag of the vocabulary was valid */
    json_t *flag_names;                /* name -> its node */
    json_t *reserved_names;            /* NAME -> what the generated header uses it for */
    struct mapping_kind *entry_fields; /* the built-in ones and the registry's own */
};

/* Checks every entry of CODES, reporting to CHECKER: first its own fields,
 * then that it is the first to claim its code, its phrases and its name.
 * Turns integer fields into JSON integers and drops values that failed. */
void check_codes(struct checker *checker, json_t *codes, const struct registry_facts *facts);

#endif
