/* template_parse.h: template text into a tree (template.h). */
#ifndef REGEN_TEMPLATE_PARSE_H
#define REGEN_TEMPLATE_PARSE_H

#include "diag.h"
#include "template.h"

#include <stddef.h>

/* Parses TEXT (named PATH in errors), reporting every syntax error it can
 * find in DIAGS. NULL after any error. Partial tags are left unlinked
 * (template_link). */
struct template *template_parse(const char *path, const char *text, size_t length,
                                struct diags *diags);

#endif
