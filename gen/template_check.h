/* template_check.h: a template checked against the shape of the model
 * (model_shape.h), not against one registry's data, so that a template that
 * passes renders for every registry of that shape.
 *
 * Every name must be one the model can have where it is used (found by the
 * renderer's rule: the innermost section whose shape has the key); a value
 * must be a string, number or boolean, never a mapping or list; a key that
 * may be absent (origin) is used as a value only inside a section that
 * tests it ({{#origin}}{{origin}}{{/origin}}); @index, @first and @last
 * only inside a list section. Partials are checked where they are used. */
#ifndef REGEN_TEMPLATE_CHECK_H
#define REGEN_TEMPLATE_CHECK_H

#include "diag.h"
#include "template.h"

#include <jansson.h>
#include <stdbool.h>

/* Checks TEMPLATE (linked) against SHAPE; false after adding a located
 * error for each problem to DIAGS (each once, however often a partial is
 * used). */
bool template_check(const struct template *template, const json_t *shape, struct diags *diags);

#endif
