/* check.h: the whole registry checked against every rule of the format
 * (SPEC.md, "Registry format") before anything is derived or written. */
#ifndef REGEN_CHECK_H
#define REGEN_CHECK_H

#include "shape.h"

/* What the code entries are checked against, gathered from the registry's
 * header. A part that was itself invalid is left out (range_known false,
 * a flag missing), so that one mistake is not reported again per entry. */
struct registry_facts {
    bool range_known;
    long min, max;
    bool flags_known;       /* every flag of the vocabulary was valid */
    json_t *flag_names;     /* name -> its node */
    json_t *reserved_names; /* NAME -> what the generated header uses it for */
};

/* Reports every violation to CHECKER's diags; returns true when none. Turns
 * integer fields into JSON integers and drops values that failed. */
bool check_registry(struct checker *checker, json_t *model);

/* check_codes.c: the code entries, each alone and all together. */
void check_codes(struct checker *checker, json_t *codes, const struct registry_facts *facts);

#endif
