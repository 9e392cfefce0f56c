/* lang_names.h: what an entry's name becomes in each shipped language set,
 * so that the check can refuse, when that set is chosen, a name that
 * becomes a keyword there, a name the generated module defines itself, or
 * the same name as another entry's (HTTP_2_0 and HTTP_20 both give Http20).
 *
 * The templates spell the same conversion with a filter ({{name | pascal}}
 * in templates/rust/): a set whose templates change it changes its row
 * here. */
#ifndef REGEN_LANG_NAMES_H
#define REGEN_LANG_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#define MAX_LANG_RULES 8 /* more than the shipped sets */

struct lang_rule {
    const char *lang;     /* as --lang names it: "rust" */
    const char *language; /* in messages: "Rust" */
    bool pascal;          /* entries as PascalCase (NotFound); else as written (NOT_FOUND) */
    /* With pascal, which of the registry's own names are converted too: */
    bool classes_with_flags;  /* one namespace (isClientError, isCacheable), else one each */
    bool fields;              /* declared fields' names (etaDays, EtaDays) */
    bool values;              /* each enum field's values (Loud) */
    const char *const *taken; /* keywords and the module's own names a converted
                               * name could spell, NULL-terminated */
};

/* The rule of LANG, or NULL for a set that needs none (c: its names carry
 * the registry's prefix and are checked with the header's). */
const struct lang_rule *lang_rule_of(const char *lang);
/* The INDEXth rule, or NULL past the last: --lang all checks them all. */
const struct lang_rule *lang_rule_at(size_t index);
/* NAME as RULE's language writes it, allocated; NULL when out of memory. */
char *lang_entry_name(const struct lang_rule *rule, const char *name);
/* Whether CONVERTED is a keyword of RULE's language or a name its module
 * defines. */
bool lang_name_taken(const struct lang_rule *rule, const char *converted);

#endif
