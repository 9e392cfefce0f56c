/* pipeline.c: the stages from bytes to model, one call each. */
#include "pipeline.h"
#include "annotate.h"
#include "check.h"
#include "derive.h"
#include "load.h"
#include "lookup.h"
#include "where.h"

int pipeline_model(const struct source *source, const char *source_name, struct diags *diags,
                   json_t **model)
{
    *model = NULL;
    struct where_table *where = where_new(source_line_count(source));
    if (!where)
        return EXIT_TROUBLE;
    json_t *loaded = load_registry(source, where, diags);
    int status = loaded ? EXIT_OK : diags->count ? EXIT_INVALID : EXIT_TROUBLE;
    struct checker checker = {source->path, where, diags};
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
