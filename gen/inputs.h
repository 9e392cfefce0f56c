/* inputs.h: the files a run read besides the registry (the template
 * directory and its templates), which the depfile names. */
#ifndef REGEN_INPUTS_H
#define REGEN_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

struct inputs {
    char **paths;
    size_t count;
};

/* Adds a copy of PATH; false when out of memory. */
bool inputs_add(struct inputs *inputs, const char *path);
void inputs_free(struct inputs *inputs);

#endif
