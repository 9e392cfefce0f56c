/* inputs.c: a growing list of paths. */
#include "inputs.h"

#include <stdlib.h>
#include <string.h>

bool inputs_add(struct inputs *inputs, const char *path)
{
    char **paths = realloc(inputs->paths, (inputs->count + 1) * sizeof *paths);
    if (!paths)
        return false;
    inputs->paths = paths;
    inputs->paths[inputs->count] = strdup(path);
    return inputs->paths[inputs->count++] != NULL;
}

void inputs_free(struct inputs *inputs)
{
    for (size_t i = 0; i < inputs->count; i++)
        free(inputs->paths[i]);
    free(inputs->paths);
    *inputs = (struct inputs){0};
}
