/* builtin.h: the template set compiled into regen (see embed.c). */
#ifndef REGEN_BUILTIN_H
#define REGEN_BUILTIN_H

#include <stddef.h>

struct builtin_template {
    const char *name; /* "NAME.h.tmpl" */
    const char *text;
    size_t length;
};

extern const struct builtin_template builtin_templates[];
extern const size_t builtin_template_count;

#endif
