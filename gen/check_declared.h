/* check_declared.h: the fields a registry declares of its own. */
#ifndef REGEN_CHECK_DECLARED_H
#define REGEN_CHECK_DECLARED_H

#include "check_codes.h"

/* Checks REGISTRY's 'fields' (each a field of every entry), reporting to
 * CHECKER; an enum's values become C names no entry may take (FACTS). A
 * declaration whose name is refused loses it, so that no entry field is
 * made of it. */
void check_declared_fields(struct checker *checker, json_t *registry, struct registry_facts *facts);

#endif
