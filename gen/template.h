/* template.h: a small logic-less template language (a mustache subset).
 *
 *   {{name}}            a value, escaped for the output (see escape.h)
 *   {{name | md}}       the same with another escape: none, c, comment, md, json,
 *                       chars (C character constants, one per byte), html,
 *                       script, python, js, rust, go (escape.h)
 *   {{name | pascal}}   case conversions first, in order, then at most one
 *                       escape: {{name | pascal | rust}} (case.h)
 *   {{{name}}}          a value, unescaped (like {{name | none}})
 *   {{#name}}...{{/name}}  a section: once per list item, once for a mapping,
 *                       a true or a non-empty value; skipped when false,
 *                       null, empty or absent
 *   {{^name}}...{{/name}}  an inverted section: only when the value is
 *                       false, null, empty or absent
 *   {{! comment }}      nothing
 *
 * Names are looked up from the innermost section outwards; "a.b" descends,
 * "." is the current item. Inside a list section @index (from 0), @first
 * and @last describe the item; {{@json}} is the current value as indented
 * JSON, without the keys that begin with "_" (those are derived for
 * templates only). A section, inverted section, closing tag or comment alone
 * on its line takes the whole line with it. */
#ifndef REGEN_TEMPLATE_H
#define REGEN_TEMPLATE_H

#include "buffer.h"
#include "diag.h"
#include "escape.h"

#include <jansson.h>

#define MAX_TEMPLATE_DEPTH 32 /* sections nested in sections */

struct template;

/* Parses TEXT (named PATH in errors). NULL after adding errors to DIAGS. */
struct template *template_parse(const char *path, const char *text, size_t length,
                                enum escape default_escape, struct diags *diags);
/* Renders against MODEL into OUT. False after adding an error to DIAGS. */
bool template_render(const struct template *template, const json_t *model, struct buffer *out,
                     struct diags *diags);
void template_free(struct template *template);

#endif
