/* main.c: the recipe. registry.yaml -> load -> check -> derive -> render ->
 * write, one Jansson model flowing through. Errors are collected by each
 * stage and printed here, once; nothing is written unless every stage
 * succeeded. */
#include "check.h"
#include "cli.h"
#include "derive.h"
#include "diag.h"
#include "load.h"
#include "render.h"
#include "source.h"
#include "where.h"
#include "write.h"

#include <stdlib.h>

struct run {
    struct options options;
    struct source source;
    struct diags diags;
    struct where_table *where;
    json_t *model;
    struct artifacts artifacts;
};

/* Load and check: the model, or NULL with the reason in run->diags. */
static int read_registry(struct run *run)
{
    const struct options *options = &run->options;
    int status = source_read(options->registry, options->max_bytes, &run->source, &run->diags);
    if (status != EXIT_OK)
        return status;
    run->model = load_registry(&run->source, run->where, &run->diags);
    if (!run->model)
        return run->diags.count ? EXIT_INVALID : EXIT_TROUBLE;
    struct checker checker = {options->registry, run->where, &run->diags};
    if (!check_registry(&checker, run->model))
        return EXIT_INVALID;
    if (!derive_model(run->model)) {
        fail("out of memory while deriving");
        return EXIT_TROUBLE;
    }
    return EXIT_OK;
}

static int generate(struct run *run)
{
    int status = read_registry(run);
    if (status == EXIT_OK)
        status = render_artifacts(run->model, &run->artifacts, &run->diags);
    if (run->diags.count) {
        diags_print(&run->diags, stderr);
        return status == EXIT_OK ? EXIT_INVALID : status;
    }
    if (status != EXIT_OK)
        return status;
    if (run->options.check)
        return check_artifacts(run->options.output, &run->artifacts);
    return write_artifacts(run->options.output, &run->artifacts);
}

static void run_free(struct run *run)
{
    artifacts_free(&run->artifacts);
    json_decref(run->model);
    where_free(run->where);
    diags_free(&run->diags);
    source_free(&run->source);
    options_free(&run->options);
}

int main(int argc, char **argv)
{
    struct run run = {0};
    int status = options_parse(argc, argv, &run.options);
    if (status >= 0) {
        options_free(&run.options);
        return status;
    }
    run.where = where_new();
    status = run.where ? generate(&run) : EXIT_TROUBLE;
    run_free(&run);
    return status;
}
