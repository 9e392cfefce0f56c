/* check.h: the whole registry checked against every rule of the format
 * (SPEC.md, "Registry format") before anything is derived or written. */
#ifndef REGEN_CHECK_H
#define REGEN_CHECK_H

#include "shape.h"

/* Reports every violation to CHECKER's diags; returns true when none. Turns
 * integer fields into JSON integers and drops values that failed. */
bool check_registry(struct checker *checker, json_t *model);

#endif
