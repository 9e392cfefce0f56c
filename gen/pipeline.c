/* pipeline.c: the stages from bytes to model, one call each. */
#include "pipeline.h"
#include "annotate.h"
#include "check.h"
#include "derive.h"
#include "load.h"
#include "lang_names.h"
#include "lookup.h"
#include "where.h"

#include <string.h>

/* The rules of the languages chosen, each once ("all": every one). */
static size_t chosen_rules(const char *const *langs, size_t lang_count,
                           const struct lang_rule **rules)
{
    size_t count = 0;
    for (size_t i = 0; i < lang_count; i++) {
        bool all = strcmp(langs[i], "all") == 0;
        for (size_t j = 0; all ? lang_rule_at(j) != NULL : j < 1; j++) {
            const struct lang_rule *rule = all ? lang_rule_at(j) : lang_rule_of(langs[i]);
            bool seen = !rule;
            for (size_t k = 0; k < count && !seen; k++)
                seen = rules[k] == rule;
            if (!seen && count < MAX_LANG_RULES)
                rules[count++] = rule;
        }
    }
    return count;
}

int pipeline_model(const struct source *source, const char *source_name, const char *const *langs,
                   size_t lang_count, struct diags *diags, json_t **model)
{
    *model = NULL;
    struct where_table *where = where_new(source_line_count(source));
    if (!where)
        return EXIT_TROUBLE;
    json_t *loaded = load_registry(source, where, diags);
    int status = loaded ? EXIT_OK : diags->count ? EXIT_INVALID : EXIT_TROUBLE;
    const struct lang_rule *rules[MAX_LANG_RULES];
    struct checker checker = {source->path, where, diags, rules,
                              chosen_rules(langs, lang_count, rules)};
    /* Errors of the load that left a model (a duplicate key, an anchor)
     * stop the run after the check, not before it. */
    if (status == EXIT_OK && (!check_registry(&checker, loaded) || diags->count > 0))
        status = EXIT_INVALID;
    where_free(where); /* locations serve only the check */
    if (status == EXIT_OK && (!derive_model(loaded) || !annotate_model(loaded, source_name))) {
        fail("out of memory while deriving");
        status = EXIT_TROUBLE;
    }
    if (status == EXIT_OK && !lookup_tables(loaded))
        status = EXIT_INVALID; /* reported */
    if (status != EXIT_OK) {
        json_decref(loaded);
        return status;
    }
    *model = loaded;
    return EXIT_OK;
}
