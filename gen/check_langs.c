/* check_langs.c: the registry's names in each chosen language set. */
#include "check_langs.h"
#include "key_set.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* One namespace of a language: each name of LIST (the "name" of each
 * mapping, or each string) claimed as RULE converts it, WHAT in messages. */
void check_lang_claim(struct checker *checker, const struct lang_rule *rule,
                      struct key_set *claimed, const json_t *node, const char *name,
                      const char *what)
{
    char *converted = lang_entry_name(rule, name);
    const json_t *first = NULL;
    if (!converted || !key_set_claim(claimed, converted, strlen(converted), node, &first)) {
        check_error_at(checker, (struct mark){0, 0}, "out of memory while checking names");
    } else if (lang_name_taken(rule, converted)) {
        check_error(checker, node,
                    "%s '%s' becomes '%s' in %s, a keyword or a name of the module there "
                    "(--lang %s); choose another",
                    what, name, converted, rule->language, rule->lang);
    } else if (first) {
        struct mark at = mark_of(checker->where, first);
        check_error(checker, node,
                    "%s '%s' becomes '%s' in %s, as does the name at %d:%d (--lang %s); "
                    "choose another",
                    what, name, converted, rule->language, at.line, at.col, rule->lang);
    }
    free(converted);
}

/* The name of each mapping of LIST, or each string, in one namespace. */
static void claim_all(struct checker *checker, const struct lang_rule *rule,
                      struct key_set *claimed, const json_t *list, const char *what)
{
    size_t index;
    const json_t *item;
    json_array_foreach (list, index, item) {
        const json_t *node = json_is_object(item) ? json_object_get(item, "name") : item;
        /* A name the header check refused has its error already. */
        const char *name = json_string_value(node);
        if (name && text_is_lower_identifier(name))
            check_lang_claim(checker, rule, claimed, node, name, what);
    }
}

static void check_rule(struct checker *checker, const struct lang_rule *rule,
                       const json_t *registry)
{
    const json_t *fields = json_object_get(registry, "fields");
    struct key_set *classes = key_set_new(16), *flags = key_set_new(16),
                   *field_names = key_set_new(16);
    if (classes && flags && field_names) {
        claim_all(checker, rule, classes, json_object_get(registry, "classes"), "class");
        claim_all(checker, rule, rule->classes_with_flags ? classes : flags,
                  json_object_get(registry, "flags"), "flag");
        if (rule->fields)
            claim_all(checker, rule, field_names, fields, "field");
    }
    size_t index;
    const json_t *declaration;
    json_array_foreach (fields, index, declaration) {
        struct key_set *values = rule->values ? key_set_new(8) : NULL;
        if (values)
            claim_all(checker, rule, values, json_object_get(declaration, "values"), "value");
        key_set_free(values);
    }
    key_set_free(classes);
    key_set_free(flags);
    key_set_free(field_names);
}

void check_lang_names(struct checker *checker, const json_t *registry)
{
    for (size_t i = 0; i < checker->lang_count; i++)
        if (checker->langs[i]->pascal)
            check_rule(checker, checker->langs[i], registry);
}
