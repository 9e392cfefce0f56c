/* check_langs.h: the registry's own names as the chosen language sets
 * write them (lang_names.h): classes and flags, which share the predicates'
 * names (isClientError, isCacheable), declared fields, and each enum field's
 * values may not become the same name in a language that converts them
 * (a_1 and a1 are both A1 in PascalCase). Entry names are checked with the
 * entries (check_codes.c). */
#ifndef REGEN_CHECK_LANGS_H
#define REGEN_CHECK_LANGS_H

#include "shape.h"

void check_lang_names(struct checker *checker, const json_t *registry);

#endif
