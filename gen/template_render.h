/* template_render.h: a parsed template rendered against the model. */
#ifndef REGEN_TEMPLATE_RENDER_H
#define REGEN_TEMPLATE_RENDER_H

#include "buffer.h"
#include "diag.h"
#include "escape.h"
#include "template.h"

#include <jansson.h>
#include <stdbool.h>

/* Renders TEMPLATE (linked, if it has partials) against MODEL into OUT;
 * a value tag without an escape of its own gets ESCAPE, the output's.
 * SHAPE, the model's schema (model_shape.h) or NULL, says where a name is:
 * in the innermost section whose shape has the key, present or not.
 * False after adding an error to DIAGS. */
bool template_render(const struct template *template, const json_t *model, const json_t *shape,
                     enum escape escape, struct buffer *out, struct diags *diags);

#endif
