/* lang_names.c: the rows of lang_names.h. */
#include "lang_names.h"
#include "buffer.h"
#include "case.h"

#include <string.h>

/* Only names a converted entry name can spell: an upper-case name as
 * written is never a Python keyword, and a PascalCase one is a keyword only
 * where keywords are capitalized (Rust's Self). */
static const char *const python_taken[] = {"False", "None", "True", NULL};
static const char *const typescript_taken[] = {NULL};
static const char *const rust_taken[] = {"Self", NULL};
/* The Go package's own functions; its other names are the C header's without
 * the prefix (Count, Min, Cacheable...), which an entry cannot take. */
static const char *const go_taken[] = {"FromCode", "FromReason", "FromName", NULL};

/* As the templates of each set write them (templates/LANG/): TypeScript's
 * predicates and Go's methods and constants put classes and flags in one
 * namespace, Rust has an enum of each; TypeScript and Go convert field
 * names, Rust and Go enum values. */
static const struct lang_rule rules[] = {
    {"python", "Python", false, false, false, false, python_taken},
    {"typescript", "TypeScript", true, true, true, false, typescript_taken},
    {"rust", "Rust", true, false, false, true, rust_taken},
    {"go", "Go", true, true, true, true, go_taken},
};

const struct lang_rule *lang_rule_of(const char *lang)
{
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
        if (strcmp(rules[i].lang, lang) == 0)
            return &rules[i];
    return NULL;
}

const struct lang_rule *lang_rule_at(size_t index)
{
    return index < sizeof rules / sizeof *rules ? &rules[index] : NULL;
}

char *lang_entry_name(const struct lang_rule *rule, const char *name)
{
    struct buffer converted = {0};
    bool ok = rule->pascal ? case_append(&converted, CASE_PASCAL, name, strlen(name))
                           : buffer_append_string(&converted, name);
    size_t length;
    char *text = ok ? buffer_take(&converted, &length) : NULL;
    buffer_free(&converted);
    return text;
}

bool lang_name_taken(const struct lang_rule *rule, const char *converted)
{
    for (const char *const *taken = rule->taken; *taken; taken++)
        if (strcmp(*taken, converted) == 0)
            return true;
    return false;
}
