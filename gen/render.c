/* render.c: the template set, each template rendered into one artifact. */
#include "render.h"
#include "builtin.h"
#include "escape.h"
#include "source.h"
#include "model_shape.h"
#include "template_check.h"
#include "template_parse.h"
#include "template_render.h"
#include "workers.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEMPLATE_SUFFIX    ".tmpl"
#define PARTIAL_SUFFIX     ".partial"
#define MAX_TEMPLATE_BYTES DEFAULT_MAX_BYTES

struct template_file {
    char *path; /* for errors: "templates/c/NAME.h.tmpl" or "DIR/x.tmpl" */
    char *name; /* the file name: "NAME.h.tmpl", "header.partial" */
    char *lang; /* of a built-in language set: "c"; "" for the documents or -t */
    char *text;
    size_t length;
};

/* The templates and partials of a set, each sorted by name. */
struct template_set {
    struct template_file *files;
    size_t count;
};

static void set_free(struct template_set *set)
{
    for (size_t i = 0; i < set->count; i++) {
        free(set->files[i].path);
        free(set->files[i].name);
        free(set->files[i].lang);
        free(set->files[i].text);
    }
    free(set->files);
}

/* The language of a built-in template ("c" of "c/NAME.h.tmpl"), as a
 * length: 0 for the documents, written in every run. */
static size_t lang_length(const char *builtin_name)
{
    const char *slash = strchr(builtin_name, '/');
    return slash ? (size_t)(slash - builtin_name) : 0;
}

/* Whether BUILTIN_NAME belongs to LANG; "all" is every language. */
static bool is_lang(const char *builtin_name, const char *lang)
{
    size_t length = lang_length(builtin_name);
    if (strcmp(lang, "all") == 0)
        return length > 0;
    return length == strlen(lang) && strncmp(builtin_name, lang, length) == 0;
}

void builtin_langs_print(FILE *out)
{
    for (size_t i = 0; i < builtin_template_count; i++) {
        const char *name = builtin_templates[i].name;
        bool first = lang_length(name) > 0;
        for (size_t j = 0; first && j < i; j++)
            first = lang_length(builtin_templates[j].name) != lang_length(name) ||
                    strncmp(builtin_templates[j].name, name, lang_length(name)) != 0;
        if (first)
            fprintf(out, "%.*s\n", (int)lang_length(name), name);
    }
}

static bool builtin_lang_exists(const char *lang)
{
    for (size_t i = 0; i < builtin_template_count; i++)
        if (*lang && is_lang(builtin_templates[i].name, lang))
            return true;
    return false;
}

static int compare_files(const void *left, const void *right)
{
    const struct template_file *a = left, *b = right;
    int by_name = strcmp(a->name, b->name);
    return by_name ? by_name : strcmp(a->lang ? a->lang : "", b->lang ? b->lang : "");
}

/* The documents and the sets of LANGS, sorted by file name as a directory
 * set is: artifacts, and so a depfile's outputs, come in that order. */
static void load_builtin_set(struct template_set *set, const char *const *langs, size_t lang_count)
{
    set->files = calloc(builtin_template_count + 1, sizeof *set->files);
    for (size_t i = 0; set->files && i < builtin_template_count; i++) {
        const struct builtin_template *builtin = &builtin_templates[i];
        bool chosen = lang_length(builtin->name) == 0;
        for (size_t l = 0; !chosen && l < lang_count; l++)
            chosen = is_lang(builtin->name, langs[l]);
        if (!chosen)
            continue;
        struct template_file *file = &set->files[set->count++];
        file->path = path_join("templates", builtin->name);
        file->name = strdup(builtin->name + lang_length(builtin->name) +
                            (lang_length(builtin->name) ? 1 : 0));
        file->lang = strndup(builtin->name, lang_length(builtin->name));
        file->text = malloc(builtin->length + 1);
        if (file->text)
            memcpy(file->text, builtin->text, builtin->length + 1);
        file->length = builtin->length;
    }
    if (set->files)
        qsort(set->files, set->count, sizeof *set->files, compare_files);
}

static bool has_suffix(const char *name, const char *suffix)
{
    size_t length = strlen(name), suffix_length = strlen(suffix);
    return name[0] != '.' && length > suffix_length &&
           strcmp(name + length - suffix_length, suffix) == 0;
}

static bool is_template_name(const char *name)
{
    return has_suffix(name, TEMPLATE_SUFFIX);
}

static bool is_partial_name(const char *name)
{
    return has_suffix(name, PARTIAL_SUFFIX);
}

static int compare_names(const void *left, const void *right)
{
    return strcmp(*(char *const *)left, *(char *const *)right);
}

/* The *.tmpl and *.partial names in DIRECTORY, sorted: never directory
 * order. */
static char **template_names(const char *directory, size_t *count)
{
    DIR *dir = opendir(directory);
    if (!dir) {
        fail("cannot read template directory '%s': %s", directory, strerror(errno));
        return NULL;
    }
    char **names = NULL;
    *count = 0;
    struct dirent *dirent;
    while ((dirent = readdir(dir)) != NULL) {
        if (!is_template_name(dirent->d_name) && !is_partial_name(dirent->d_name))
            continue;
        char **more = realloc(names, (*count + 1) * sizeof *names);
        if (!more)
            break;
        names = more;
        names[(*count)++] = strdup(dirent->d_name);
    }
    closedir(dir);
    if (*count)
        qsort(names, *count, sizeof *names, compare_names);
    return names ? names : calloc(1, sizeof *names);
}

static int load_directory_set(const char *directory, struct template_set *set,
                              struct inputs *inputs, struct diags *diags)
{
    size_t count;
    char **names = template_names(directory, &count);
    if (!names)
        return EXIT_TROUBLE;
    /* The directory itself too: adding or removing a template changes its
     * mtime, so a build reruns regen for a new template as well. */
    size_t templates = 0;
    for (size_t i = 0; i < count; i++)
        templates += is_template_name(names[i]);
    int status = templates && inputs_add(inputs, directory) ? EXIT_OK : EXIT_TROUBLE;
    if (!templates)
        fail("no templates (*%s files) in '%s'", TEMPLATE_SUFFIX, directory);
    set->files = calloc(count + 1, sizeof *set->files);
    for (size_t i = 0; status == EXIT_OK && i < count; i++) {
        struct template_file *file = &set->files[set->count++];
        file->name = names[i];
        file->lang = strdup("");
        names[i] = NULL;
        file->path = path_join(directory, file->name);
        struct source source;
        status = source_read(file->path, MAX_TEMPLATE_BYTES, &source, diags);
        file->text = source.bytes;
        file->length = source.length;
        if (status == EXIT_OK && !inputs_add(inputs, file->path))
            status = EXIT_TROUBLE;
    }
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return status;
}

/* "NAME.h.tmpl" -> "http_status.h": the registry's name for NAME. */
static char *replace_name(const char *template_name, const char *registry_name)
{
    size_t length = strlen(template_name) - strlen(TEMPLATE_SUFFIX);
    char *name = malloc(length * (strlen(registry_name) + 1) + 1);
    if (!name)
        return NULL;
    size_t used = 0;
    for (size_t i = 0; i < length;) {
        if (length - i >= 4 && strncmp(template_name + i, "NAME", 4) == 0) {
            used += (size_t)sprintf(name + used, "%s", registry_name);
            i += 4;
        } else {
            name[used++] = template_name[i++];
        }
    }
    name[used] = '\0';
    return name;
}

/* Whether NAME can be a file in the output directory, and nothing else. */
static bool is_file_name(const char *name)
{
    if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
        return false;
    for (const unsigned char *c = (const unsigned char *)name; *c; c++)
        if (*c == '/' || *c == '\\' || *c < 0x20 || *c == 0x7F)
            return false;
    return true;
}

/* The artifact's name: the template's file name without ".tmpl", NAME
 * replaced, then rendered as a template against the model, so that
 * "{{registry.name | pascal}}.java.tmpl" writes "HttpStatus.java". Errors
 * in it are placed in the file name. */
static char *output_name(const struct template_file *file, const json_t *model, const json_t *shape,
                         struct diags *diags)
{
    const char *registry_name =
        json_string_value(json_object_get(json_object_get(model, "registry"), "name"));
    char *named = replace_name(file->name, registry_name);
    if (!named || !strstr(named, "{{"))
        return named;
    char *where = malloc(strlen(file->path) + sizeof " (its file name)");
    if (where)
        sprintf(where, "%s (its file name)", file->path);
    struct template *template = where ? template_parse(where, named, strlen(named), diags) : NULL;
    struct buffer out = {0};
    bool ok = template && template_link(template, NULL, 0, diags) &&
              template_check(template, shape, diags) &&
              template_render(template, model, shape, ESCAPE_NONE, &out, diags);
    char *name = ok ? buffer_take(&out, &(size_t){0}) : NULL;
    if (ok && (!name || !is_file_name(name))) {
        diag_add(diags, where, (struct mark){0, 0},
                 "the file name renders as '%s', which is not a file name", name ? name : "");
        free(name);
        name = NULL;
    }
    buffer_free(&out);
    template_free(template);
    free(where);
    free(named);
    return name;
}

struct parsed {
    struct template *template;
    char *name; /* the artifact's, or the partial's ("header") */
    bool partial;
    bool linked; /* parsed, and its partials found: it can render */
    enum escape escape;
};

/* One artifact to render. Jobs run at once, so each collects its own
 * errors. */
struct render_job {
    const struct template *template;
    enum escape escape;
    struct artifact artifact;
    struct diags diags;
    bool rendered;
};

struct render_batch {
    const json_t *model;
    const json_t *shape;
    struct render_job *jobs;
};

static void run_render_job(void *batch_pointer, size_t index)
{
    struct render_batch *batch = batch_pointer;
    struct render_job *job = &batch->jobs[index];
    struct buffer out = {0};
    job->rendered = template_render(job->template, batch->model, batch->shape, job->escape, &out,
                                    &job->diags) &&
                    (job->artifact.bytes = buffer_take(&out, &job->artifact.length));
    buffer_free(&out);
}

/* Parses the partials of SET into PARSED, each once, whatever uses them:
 * their errors are reported once too. */
static bool parse_partials(const struct template_set *set, struct parsed *parsed,
                           struct diags *diags)
{
    bool ok = true;
    for (size_t i = 0; i < set->count; i++) {
        const struct template_file *file = &set->files[i];
        if (!is_partial_name(file->name))
            continue;
        parsed[i].partial = true;
        parsed[i].name = strndup(file->name, strlen(file->name) - strlen(PARTIAL_SUFFIX));
        parsed[i].template = template_parse(file->path, file->text, file->length, diags);
        ok = ok && parsed[i].template && parsed[i].name;
    }
    return ok;
}

/* Links TEMPLATE, of the file at INDEX, to the partials it can see: those
 * of its own language's set, and the documents'. */
static bool link_in_set(struct template *template, size_t index, const struct template_set *set,
                        const struct parsed *parsed, struct diags *diags)
{
    struct partial *visible = calloc(set->count + 1, sizeof *visible);
    size_t count = 0;
    for (size_t i = 0; visible && i < set->count; i++) {
        const char *lang = set->files[i].lang;
        if (parsed[i].partial && parsed[i].name &&
            (!*lang || strcmp(lang, set->files[index].lang) == 0))
            visible[count++] = (struct partial){parsed[i].name, parsed[i].template};
    }
    bool ok = visible && template_link(template, visible, count, diags);
    free(visible);
    return ok;
}

/* Parses every template and partial of SET, and links the partials they
 * name; false after reporting errors. */
static bool parse_all(const struct template_set *set, const json_t *model, const json_t *shape,
                      struct parsed *parsed, struct diags *diags)
{
    bool ok = parse_partials(set, parsed, diags);
    for (size_t i = 0; i < set->count; i++) {
        const struct template_file *file = &set->files[i];
        if (parsed[i].partial) {
            parsed[i].linked =
                parsed[i].template && link_in_set(parsed[i].template, i, set, parsed, diags);
            ok = ok && parsed[i].linked;
            continue;
        }
        parsed[i].name = output_name(file, model, shape, diags);
        for (size_t j = 0; parsed[i].name && j < i; j++)
            if (parsed[j].name && strcmp(parsed[j].name, parsed[i].name) == 0) {
                diag_add(diags, file->path, (struct mark){0, 0},
                         "another template also produces '%s'", parsed[i].name);
                ok = false;
            }
        parsed[i].escape = escape_for_file(parsed[i].name ? parsed[i].name : "");
        parsed[i].template = template_parse(file->path, file->text, file->length, diags);
        parsed[i].linked =
            parsed[i].template && link_in_set(parsed[i].template, i, set, parsed, diags);
        ok = ok && parsed[i].name && parsed[i].linked;
    }
    /* Every template against the model's shape, all reported in one run. */
    for (size_t i = 0; i < set->count; i++)
        if (parsed[i].linked && !parsed[i].partial)
            ok = template_check(parsed[i].template, shape, diags) && ok;
    return ok;
}

/* Renders every parsed template, the artifacts at once (workers.h), and
 * adds them to ARTIFACTS in template order. */
static int render_parsed(const json_t *model, const json_t *shape, struct parsed *parsed,
                         size_t parsed_count, struct artifacts *artifacts, struct diags *diags)
{
    struct render_job *jobs = calloc(parsed_count + 1, sizeof *jobs);
    if (!jobs)
        return EXIT_TROUBLE;
    size_t count = 0;
    for (size_t i = 0; i < parsed_count; i++) {
        if (parsed[i].partial)
            continue;
        jobs[count].template = parsed[i].template;
        jobs[count].escape = parsed[i].escape;
        jobs[count++].artifact.name = parsed[i].name;
        parsed[i].name = NULL;
    }
    workers_run(count, run_render_job, &(struct render_batch){model, shape, jobs});
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        diags_append(diags, &jobs[i].diags);
        if (!artifacts_add(artifacts, jobs[i].artifact) || !jobs[i].rendered)
            ok = false;
    }
    free(jobs);
    return ok ? EXIT_OK : diags->count ? EXIT_INVALID : EXIT_TROUBLE;
}

static int render_set(const json_t *model, const struct template_set *set,
                      struct artifacts *artifacts, struct diags *diags)
{
    struct parsed *parsed = calloc(set->count + 1, sizeof *parsed);
    json_t *shape = model_shape(json_object_get(model, "registry"));
    int status = parsed && shape ? EXIT_OK : EXIT_TROUBLE;
    if (status == EXIT_OK && !parse_all(set, model, shape, parsed, diags))
        status = EXIT_INVALID;
    if (status == EXIT_OK)
        status = render_parsed(model, shape, parsed, set->count, artifacts, diags);
    for (size_t i = 0; parsed && i < set->count; i++) {
        template_free(parsed[i].template);
        free(parsed[i].name);
    }
    free(parsed);
    json_decref(shape);
    return status;
}

int render_artifacts(const json_t *model, const struct template_choice *choice,
                     struct artifacts *artifacts, struct inputs *inputs, struct diags *diags)
{
    struct template_set set = {0};
    int status = EXIT_OK;
    for (size_t l = 0; l < choice->lang_count; l++)
        if (!builtin_lang_exists(choice->langs[l])) {
            fail("no language '%s' (regen --list-langs lists them)", choice->langs[l]);
            status = EXIT_TROUBLE;
        }
    if (status == EXIT_OK && choice->directory)
        status = load_directory_set(choice->directory, &set, inputs, diags);
    else if (status == EXIT_OK)
        load_builtin_set(&set, choice->langs, choice->lang_count);
    if (!set.files && status == EXIT_OK) {
        fail("out of memory while loading templates");
        status = EXIT_TROUBLE;
    }
    if (status == EXIT_OK)
        status = render_set(model, &set, artifacts, diags);
    set_free(&set);
    return status;
}

/* DIRECTORY of PATH ("." for none) and its last part. */
static char *directory_of(const char *path, const char **name)
{
    const char *slash = strrchr(path, '/');
    *name = slash ? slash + 1 : path;
    return slash ? strndup(path, (size_t)(slash - path == 0 ? 1 : slash - path)) : strdup(".");
}

int render_one(const json_t *model, const json_t *shape, const char *template_path,
               struct buffer *out, struct diags *diags)
{
    const char *name;
    char *directory = directory_of(template_path, &name);
    struct template_set set = {0};
    struct inputs inputs = {0};
    int status = !directory ? EXIT_TROUBLE
                 : is_template_name(name)
                     ? load_directory_set(directory, &set, &inputs, diags)
                     : (fail("'%s' is not a template (a *%s file)", template_path, TEMPLATE_SUFFIX),
                        EXIT_TROUBLE);
    struct parsed *parsed = calloc(set.count + 1, sizeof *parsed);
    size_t index = 0;
    while (index < set.count && strcmp(set.files[index].name, name) != 0)
        index++;
    if (status == EXIT_OK && !parsed)
        status = EXIT_TROUBLE;
    if (status == EXIT_OK && index == set.count) {
        fail("cannot read template '%s'", template_path);
        status = EXIT_TROUBLE;
    }
    if (status == EXIT_OK) {
        const struct template_file *file = &set.files[index];
        bool ok = parse_partials(&set, parsed, diags);
        struct template *template = template_parse(file->path, file->text, file->length, diags);
        ok = template && link_in_set(template, index, &set, parsed, diags) && ok &&
             (!shape || template_check(template, shape, diags));
        char *output = strndup(name, strlen(name) - strlen(TEMPLATE_SUFFIX));
        ok = ok && output &&
             template_render(template, model, shape, escape_for_file(output), out, diags);
        status = ok ? EXIT_OK : diags->count ? EXIT_INVALID : EXIT_TROUBLE;
        free(output);
        template_free(template);
    }
    for (size_t i = 0; parsed && i < set.count; i++) {
        template_free(parsed[i].template);
        free(parsed[i].name);
    }
    free(parsed);
    inputs_free(&inputs);
    set_free(&set);
    free(directory);
    return status;
}
