/* artifact.c: a growing list of named byte buffers. */
#include "artifact.h"

#include <stdlib.h>

bool artifacts_add(struct artifacts *artifacts, char *name, char *bytes, size_t length)
{
    if (!name || !bytes) {
        free(name);
        free(bytes);
        return false;
    }
    if (artifacts->count == artifacts->capacity) {
        size_t capacity = artifacts->capacity ? artifacts->capacity * 2 : 8;
        struct artifact *items = realloc(artifacts->items, capacity * sizeof *items);
        if (!items) {
            free(name);
            free(bytes);
            return false;
        }
        artifacts->items = items;
        artifacts->capacity = capacity;
    }
    artifacts->items[artifacts->count++] = (struct artifact){name, bytes, length};
    return true;
}

void artifacts_free(struct artifacts *artifacts)
{
    for (size_t i = 0; i < artifacts->count; i++) {
        free(artifacts->items[i].name);
        free(artifacts->items[i].bytes);
    }
    free(artifacts->items);
    *artifacts = (struct artifacts){0};
}
