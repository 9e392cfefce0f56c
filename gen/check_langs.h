/* check_langs.h: the registry's own names as the chosen language sets
 * write them (lang_names.h): classes and flags, which share the predicates'
 * names (isClientError, isCacheable), declared fields, and each enum field's
 * values may not become the same name in a language that converts them
 * (a_1 and a1 are both A1 in PascalCase). Entry names are checked with the
 * entries (check_codes.c). */
#ifndef REGEN_CHECK_LANGS_H
#define REGEN_CHECK_LANGS_H

#include "key_set.h"
#include "shape.h"

void check_lang_names(struct checker *checker, const json_t *registry);

/* NAME, NODE's value (WHAT in messages: "name", "flag"), as RULE's language
 * writes it, claimed in CLAIMED: a located error when a name claimed there
 * before becomes the same, or when it becomes a keyword or a name of the
 * module there (lang_name_taken). */
void check_lang_claim(struct checker *checker, const struct lang_rule *rule,
                      struct key_set *claimed, const json_t *node, const char *name,
                      const char *what);

#endif
