/* render.c: every artifact of a run. */
#include "render.h"
#include "source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* NAME.json: the whole model as Jansson prints it, keys in the model's
 * canonical order, 2-space indent, UTF-8, a final newline. */
static bool render_json(const json_t *model, struct artifacts *artifacts)
{
    const char *name =
        json_string_value(json_object_get(json_object_get(model, "registry"), "name"));
    char *text = json_dumps(model, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text)
        return false;
    size_t length = strlen(text);
    char *bytes = realloc(text, length + 2);
    if (!bytes) {
        free(text);
        return false;
    }
    bytes[length++] = '\n';
    bytes[length] = '\0';
    size_t name_length = strlen(name) + sizeof ".json";
    char *file_name = malloc(name_length);
    if (file_name)
        snprintf(file_name, name_length, "%s.json", name);
    return artifacts_add(artifacts, file_name, bytes, length);
}

int render_artifacts(const json_t *model, struct artifacts *artifacts, struct diags *diags)
{
    (void)diags;
    if (!render_json(model, artifacts)) {
        fail("out of memory while rendering");
        return EXIT_TROUBLE;
    }
    return EXIT_OK;
}
