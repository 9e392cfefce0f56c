/* render.h: the model turned into artifacts, in memory, through templates.
 *
 * Every file NAME.EXT.tmpl of the template set gives one artifact: its name
 * is the template's without ".tmpl", with "NAME" replaced by the registry's
 * name (NAME.h.tmpl -> http_status.h). The set is the built-in one (compiled
 * from templates/: the documents, and the sets of the languages chosen) or,
 * with -t DIR, every *.tmpl file in DIR. */
#ifndef REGEN_RENDER_H
#define REGEN_RENDER_H

#include "artifact.h"
#include "buffer.h"
#include "diag.h"
#include "inputs.h"

#include <jansson.h>
#include <stdio.h>

/* Renders every template into an artifact in memory, the artifacts at once
 * (one thread each, workers.h). Every template is parsed before any is
 * rendered; a broken one still lets the others render, so that all their
 * errors are reported in one run. With a directory, the files read are
 * added to INPUTS. Returns EXIT_OK, or another exit status (errors in
 * DIAGS, or reported). */
struct template_choice {
    const char *directory;    /* -t DIR, or NULL: the built-in sets */
    const char *const *langs; /* the built-in languages chosen: "c", "python" */
    size_t lang_count;
};

int render_artifacts(const json_t *model, const struct template_choice *choice,
                     struct artifacts *artifacts, struct inputs *inputs, struct diags *diags);

/* The built-in languages, one per line. */
void builtin_langs_print(FILE *out);

/* Renders the one template at TEMPLATE_PATH (with the partials beside it)
 * against MODEL into OUT, checked against SHAPE unless it is NULL (a model
 * read from a JSON file has no shape). Returns EXIT_OK, or another exit
 * status (errors in DIAGS, or reported). */
int render_one(const json_t *model, const json_t *shape, const char *template_path,
               struct buffer *out, struct diags *diags);

#endif
