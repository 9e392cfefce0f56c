/* template.h: a parsed template, the tree that template_parse.h builds and
 * template_render.h renders. The language (docs/templates.md):
 *
 *   {{name}}            a value, escaped for the output (see escape.h)
 *   {{name | md}}       the same with another escape: none, c, comment, md, json,
 *                       chars (C character constants, one per byte), html,
 *                       script, python, js, rust, go (escape.h)
 *   {{name | pascal}}   case conversions first, in order, then at most one
 *                       escape: {{name | pascal | rust}} (case.h)
 *   {{{name}}}          a value, unescaped (like {{name | none}}); {{& name}} too
 *   {{#name}}...{{/name}}  a section: once per list item, once for a mapping,
 *                       a true or a non-empty value; skipped when false,
 *                       null, empty or absent
 *   {{^name}}...{{/name}}  an inverted section: only when the value is
 *                       false, null, empty or absent
 *   {{! comment }}      nothing
 *   {{> header}}        the partial header.partial of the same set, rendered
 *                       in place, with the names visible here
 *   {{=<% %>=}}         from here to the end of this file, tags are <% ... %>
 *
 * Names are looked up from the innermost section outwards; "a.b" descends,
 * "." is the current item. Inside a list section @index (from 0), @first
 * and @last describe the item; {{@json}} is the current value as indented
 * JSON. A section, inverted section, closing tag, comment, partial or
 * delimiter change alone on its line takes the whole line with it; a
 * partial alone on its line is indented as its tag is. */
#ifndef REGEN_TEMPLATE_H
#define REGEN_TEMPLATE_H

#include "case.h"
#include "diag.h"
#include "escape.h"
#include "source.h"

#include <stdbool.h>
#include <stddef.h>

#define MAX_TEMPLATE_DEPTH 32 /* sections nested in sections, partials in partials */
#define MAX_CASE_FILTERS   4  /* {{name | snake | upper}}: more would say nothing new */

enum node_kind { NODE_TEXT, NODE_VALUE, NODE_SECTION, NODE_INVERTED, NODE_PARTIAL };

struct node {
    enum node_kind kind;
    size_t offset;    /* of the tag, in the template: its place, for errors */
    bool standalone;  /* a section or partial tag that took its line */
    const char *text; /* NODE_TEXT: a slice of the template's source */
    size_t length;
    char *name;              /* the other kinds; for a partial, its name */
    char **segments;         /* NAME split at '.', once, at parse time */
    size_t *segment_lengths; /* so that a lookup needs no strlen */
    size_t segment_count;
    bool own_escape; /* NODE_VALUE: ESCAPE given by the tag, not the output's */
    enum escape escape;
    enum case_filter cases[MAX_CASE_FILTERS]; /* NODE_VALUE: applied in order */
    size_t case_count;
    char *indent;                   /* NODE_PARTIAL alone on its line: put before its every line */
    const struct template *partial; /* NODE_PARTIAL, once linked */
    struct node *children;          /* sections */
    size_t count, capacity;
};

struct template
{
    struct source source; /* path and bytes, for marks */
    struct node root;
};

/* A partial of a template set, by the name a tag gives it ("header"). */
struct partial {
    const char *name;
    const struct template *template; /* NULL: it has errors of its own */
};

/* Points TEMPLATE's partial tags at PARTIALS; false after adding a located
 * error for each name that is not there. */
bool template_link(struct template *template, const struct partial *partials, size_t count,
                   struct diags *diags);
/* Where OFFSET of TEMPLATE is, for errors. */
struct mark template_mark(const struct template *template, size_t offset);
void template_free(struct template *template);
void template_free_nodes(struct node *node);

#endif
