/* render.c: the template set, each template rendered into one artifact. */
#include "render.h"
#include "builtin.h"
#include "escape.h"
#include "source.h"
#include "template.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEMPLATE_SUFFIX    ".tmpl"
#define MAX_TEMPLATE_BYTES DEFAULT_MAX_BYTES

struct template_file {
    char *path; /* for errors: "templates/NAME.h.tmpl" or "DIR/x.tmpl" */
    char *name; /* the file name: "NAME.h.tmpl" */
    char *text;
    size_t length;
};

struct template_set {
    struct template_file *files;
    size_t count;
};

static void set_free(struct template_set *set)
{
    for (size_t i = 0; i < set->count; i++) {
        free(set->files[i].path);
        free(set->files[i].name);
        free(set->files[i].text);
    }
    free(set->files);
}

static bool add_path(struct inputs *inputs, const char *path)
{
    char **paths = realloc(inputs->paths, (inputs->count + 1) * sizeof *paths);
    if (!paths)
        return false;
    inputs->paths = paths;
    inputs->paths[inputs->count] = strdup(path);
    return inputs->paths[inputs->count++] != NULL;
}

void inputs_free(struct inputs *inputs)
{
    for (size_t i = 0; i < inputs->count; i++)
        free(inputs->paths[i]);
    free(inputs->paths);
    *inputs = (struct inputs){0};
}

static char *joined(const char *directory, const char *name)
{
    size_t length = strlen(directory) + strlen(name) + 2;
    char *path = malloc(length);
    if (path)
        snprintf(path, length, "%s/%s", directory, name);
    return path;
}

static void load_builtin_set(struct template_set *set)
{
    set->files = calloc(builtin_template_count + 1, sizeof *set->files);
    for (size_t i = 0; set->files && i < builtin_template_count; i++) {
        const struct builtin_template *builtin = &builtin_templates[i];
        struct template_file *file = &set->files[set->count++];
        file->path = joined("templates", builtin->name);
        file->name = strdup(builtin->name);
        file->text = malloc(builtin->length + 1);
        if (file->text)
            memcpy(file->text, builtin->text, builtin->length + 1);
        file->length = builtin->length;
    }
}

static bool is_template_name(const char *name)
{
    size_t length = strlen(name), suffix = strlen(TEMPLATE_SUFFIX);
    return name[0] != '.' && length > suffix &&
           strcmp(name + length - suffix, TEMPLATE_SUFFIX) == 0;
}

static int compare_names(const void *left, const void *right)
{
    return strcmp(*(char *const *)left, *(char *const *)right);
}

/* The *.tmpl names in DIRECTORY, sorted: never directory order. */
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
        if (!is_template_name(dirent->d_name))
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
    int status = count ? EXIT_OK : EXIT_TROUBLE;
    if (!count)
        fail("no templates (*%s files) in '%s'", TEMPLATE_SUFFIX, directory);
    set->files = calloc(count + 1, sizeof *set->files);
    for (size_t i = 0; status == EXIT_OK && i < count; i++) {
        struct template_file *file = &set->files[set->count++];
        file->name = names[i];
        names[i] = NULL;
        file->path = joined(directory, file->name);
        struct source source;
        status = source_read(file->path, MAX_TEMPLATE_BYTES, &source, diags);
        file->text = source.bytes;
        file->length = source.length;
        if (status == EXIT_OK && !add_path(inputs, file->path))
            status = EXIT_TROUBLE;
    }
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
    return status;
}

/* "NAME.h.tmpl" -> "http_status.h" */
static char *output_name(const char *template_name, const char *registry_name)
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

static bool produced_already(const struct artifacts *artifacts, const char *name)
{
    for (size_t i = 0; i < artifacts->count; i++)
        if (strcmp(artifacts->items[i].name, name) == 0)
            return true;
    return false;
}

static void render_file(const json_t *model, const struct template_file *file,
                        struct artifacts *artifacts, struct diags *diags)
{
    const char *registry_name =
        json_string_value(json_object_get(json_object_get(model, "registry"), "name"));
    char *name = output_name(file->name, registry_name);
    if (!name || produced_already(artifacts, name)) {
        if (name)
            diag_add(diags, file->path, (struct mark){0, 0}, "another template also produces '%s'",
                     name);
        free(name);
        return;
    }
    struct template *template =
        template_parse(file->path, file->text, file->length, escape_for_file(name), diags);
    struct buffer out = {0};
    if (template && template_render(template, model, &out, diags)) {
        size_t length;
        char *bytes = buffer_take(&out, &length);
        artifacts_add(artifacts, name, bytes, length);
        name = NULL;
    }
    buffer_free(&out);
    template_free(template);
    free(name);
}

int render_artifacts(const json_t *model, const char *template_dir, struct artifacts *artifacts,
                     struct inputs *inputs, struct diags *diags)
{
    struct template_set set = {0};
    int status = EXIT_OK;
    if (template_dir)
        status = load_directory_set(template_dir, &set, inputs, diags);
    else
        load_builtin_set(&set);
    if (!set.files && status == EXIT_OK) {
        fail("out of memory while loading templates");
        status = EXIT_TROUBLE;
    }
    size_t errors_before = diags->count;
    for (size_t i = 0; status == EXIT_OK && i < set.count; i++)
        render_file(model, &set.files[i], artifacts, diags);
    set_free(&set);
    if (status == EXIT_OK && diags->count > errors_before)
        status = EXIT_INVALID;
    return status;
}
