/* render.h: the model turned into artifacts, in memory, through templates.
 *
 * Every file NAME.EXT.tmpl of the template set gives one artifact: its name
 * is the template's without ".tmpl", with "NAME" replaced by the registry's
 * name (NAME.h.tmpl -> http_status.h). The set is the built-in one (compiled
 * from templates/) or, with -t DIR, every *.tmpl file in DIR. */
#ifndef REGEN_RENDER_H
#define REGEN_RENDER_H

#include "artifact.h"
#include "buffer.h"
#include "diag.h"
#include "inputs.h"

#include <jansson.h>

/* Renders every template into an artifact in memory, the artifacts at once
 * (one thread each, workers.h). Every template is parsed before any is
 * rendered; a broken one still lets the others render, so that all their
 * errors are reported in one run. With TEMPLATE_DIR, the files read are
 * added to INPUTS. Returns EXIT_OK, or another exit status (errors in
 * DIAGS, or reported). */
int render_artifacts(const json_t *model, const char *template_dir, struct artifacts *artifacts,
                     struct inputs *inputs, struct diags *diags);

/* Renders the one template at TEMPLATE_PATH (with the partials beside it)
 * against MODEL into OUT, checked against SHAPE unless it is NULL (a model
 * read from a JSON file has no shape). Returns EXIT_OK, or another exit
 * status (errors in DIAGS, or reported). */
int render_one(const json_t *model, const json_t *shape, const char *template_path,
               struct buffer *out, struct diags *diags);

#endif
