/* artifact.c: a growing list of artifacts. */
#include "artifact.h"

#include <stdlib.h>

static void free_artifact(struct artifact *artifact)
{
    free(artifact->name);
    free(artifact->bytes);
}

bool artifacts_add(struct artifacts *artifacts, struct artifact artifact)
{
    if (!artifact.name || !artifact.bytes) {
        free_artifact(&artifact);
        return false;
    }
    if (artifacts->count == artifacts->capacity) {
        size_t capacity = artifacts->capacity ? artifacts->capacity * 2 : 8;
        struct artifact *items = realloc(artifacts->items, capacity * sizeof *items);
        if (!items) {
            free_artifact(&artifact);
            return false;
        }
        artifacts->items = items;
        artifacts->capacity = capacity;
    }
    artifacts->items[artifacts->count++] = artifact;
    return true;
}

void artifacts_free(struct artifacts *artifacts)
{
    for (size_t i = 0; i < artifacts->count; i++)
        free_artifact(&artifacts->items[i]);
    free(artifacts->items);
    *artifacts = (struct artifacts){0};
}
