/* render.h: the model turned into artifacts, in memory, through templates.
 *
 * Every file NAME.EXT.tmpl of the template set gives one artifact: its name
 * is the template's without ".tmpl", with "NAME" replaced by the registry's
 * name (NAME.h.tmpl -> http_status.h). The set is the built-in one (compiled
 * from templates/) or, with -t DIR, every *.tmpl file in DIR. */
#ifndef REGEN_RENDER_H
#define REGEN_RENDER_H

#include "artifact.h"
#include "diag.h"

#include <jansson.h>

struct inputs {
    char **paths; /* files read, for the depfile */
    size_t count;
};

/* Renders every template. With OUTPUT_DIR, each artifact streams into a
 * temporary file there (the directory is created if need be), so memory
 * stays bounded whatever the registry's size; without, artifacts stay in
 * memory (--check). Every template is parsed before anything is created.
 * Returns EXIT_OK, or another exit status (errors in DIAGS or reported),
 * having removed whatever it created. */
int render_artifacts(const json_t *model, const char *template_dir, const char *output_dir,
                     struct artifacts *artifacts, struct inputs *inputs, struct diags *diags);
void inputs_free(struct inputs *inputs);

#endif
