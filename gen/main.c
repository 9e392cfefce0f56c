/* main.c: the recipe. registry.yaml -> load -> check -> derive -> annotate
 * -> lookup tables (pipeline.c) -> render -> write, one Jansson model
 * flowing through. Errors are collected by each stage and printed here, once;
 * nothing is written unless every stage succeeded. */
#include "allocator.h"
#include "cleanup.h"
#include "cli.h"
#include "depfile.h"
#include "diag.h"
#include "inputs.h"
#include "model_shape.h"
#include "pipeline.h"
#include "render.h"
#include "source.h"
#include "write.h"
#include "buffer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct run {
    struct options options;
    struct diags diags;
    json_t *model;
    struct artifacts artifacts;
    struct inputs inputs; /* template files read, for the depfile */
};

/* The registry's file name without its directories: artifacts say what they
 * were made from, but never where it lay (no absolute paths in output). */
static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The built-in sets chosen: --lang, or c. */
static struct template_choice choice_of(const struct options *options)
{
    static const char *const default_langs[] = {"c"};
    return (struct template_choice){options->templates,
                                    options->lang_count ? options->langs : default_langs,
                                    options->lang_count ? options->lang_count : 1};
}

static int read_registry(struct run *run)
{
    const struct options *options = &run->options;
    struct template_choice choice = choice_of(options);
    struct source source;
    int status = source_read(options->registry, options->max_bytes, &source, &run->diags);
    if (status == EXIT_OK)
        status = pipeline_model(&source, base_name(options->registry),
                                choice.directory ? NULL : choice.langs,
                                choice.directory ? 0 : choice.lang_count, &run->diags, &run->model);
    source_free(&source);
    return status;
}

static int write_outputs(struct run *run)
{
    const struct options *options = &run->options;
    if (options->check)
        return check_artifacts(options->output, &run->artifacts);
    int status = write_artifacts(options->output, &run->artifacts);
    if (status == EXIT_OK && options->depfile)
        status = write_depfile(options->depfile, options->output, &run->artifacts,
                               options->registry, &run->inputs);
    return status;
}

/* The whole model, '_' keys and all, or its schema, for a template's
 * author to read. */
static int dump_model(const json_t *model, bool schema)
{
    json_t *shape = schema ? model_shape(json_object_get(model, "registry")) : NULL;
    bool ok = (!schema || shape) &&
              json_dumpf(schema ? shape : model, stdout, JSON_INDENT(2)) == 0 &&
              fputc('\n', stdout) != EOF && fflush(stdout) == 0;
    json_decref(shape);
    if (!ok)
        fail("cannot write the model to standard output");
    return ok ? EXIT_OK : EXIT_TROUBLE;
}

static bool ends_with_json(const char *path)
{
    size_t length = strlen(path);
    return length > 5 && strcmp(path + length - 5, ".json") == 0;
}

/* A model from a JSON file, for --render: errors placed in the file. */
static int read_model_json(struct run *run)
{
    json_error_t error;
    run->model = json_load_file(run->options.registry, JSON_REJECT_DUPLICATES, &error);
    if (!run->model)
        diag_add(&run->diags, run->options.registry, (struct mark){error.line, error.column}, "%s",
                 error.text);
    return run->model ? EXIT_OK : EXIT_INVALID;
}

/* --render: one template, to standard output, checked unless the model
 * came from a JSON file. */
static int render_to_stdout(struct run *run)
{
    bool from_json = ends_with_json(run->options.registry);
    int status = from_json ? read_model_json(run) : read_registry(run);
    json_t *shape = status == EXIT_OK && !from_json
                        ? model_shape(json_object_get(run->model, "registry"))
                        : NULL;
    struct buffer out = {0};
    if (status == EXIT_OK)
        status = render_one(run->model, shape, run->options.render, &out, &run->diags);
    json_decref(shape);
    diags_print(&run->diags, stderr);
    if (status == EXIT_OK &&
        (fwrite(out.bytes ? out.bytes : "", 1, out.length, stdout) != out.length ||
         fflush(stdout) != 0)) {
        fail("cannot write to standard output");
        status = EXIT_TROUBLE;
    }
    buffer_free(&out);
    return status;
}

static int generate(struct run *run)
{
    const struct options *options = &run->options;
    struct template_choice choice = choice_of(options);
    if (options->list_langs) {
        builtin_langs_print(stdout);
        return fflush(stdout) == 0 ? EXIT_OK : EXIT_TROUBLE;
    }
    if (options->render)
        return render_to_stdout(run);
    int status = read_registry(run);
    if (status == EXIT_OK && (run->options.dump_model || run->options.model_schema))
        return dump_model(run->model, run->options.model_schema);
    if (status == EXIT_OK)
        status = render_artifacts(run->model, &choice, &run->artifacts, &run->inputs, &run->diags);
    if (run->diags.count) {
        diags_print(&run->diags, stderr);
        return status == EXIT_OK ? EXIT_INVALID : status;
    }
    return status == EXIT_OK ? write_outputs(run) : status;
}

/* The model outlives the run: the process's exit frees it at once, where
 * json_decref would visit its millions of values one by one (0.1 s at
 * 100,000 entries). Kept here, it stays reachable, which is not a leak to
 * valgrind or LeakSanitizer; the fuzzer frees every model it makes. */
static json_t *volatile model_left_to_exit;

static void run_free(struct run *run)
{
    artifacts_free(&run->artifacts);
    inputs_free(&run->inputs);
    model_left_to_exit = run->model;
    diags_free(&run->diags);
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
    cleanup_install();
    allocator_install();
    status = generate(&run);
    run_free(&run);
    return status;
}
