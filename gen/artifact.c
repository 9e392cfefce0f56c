/* artifact.c: a growing list of artifacts. */
#include "artifact.h"
#include "cleanup.h"

#include <stdlib.h>
#include <unistd.h>

static void free_artifact(struct artifact *artifact)
{
    cleanup_forget(artifact->temporary);
    free(artifact->name);
    free(artifact->bytes);
    free(artifact->temporary);
}

bool artifacts_add(struct artifacts *artifacts, struct artifact artifact)
{
    if (!artifact.name || (!artifact.bytes && !artifact.temporary)) {
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

void artifacts_discard(struct artifacts *artifacts)
{
    for (size_t i = 0; i < artifacts->count; i++) {
        if (artifacts->items[i].temporary)
            unlink(artifacts->items[i].temporary);
        cleanup_forget(artifacts->items[i].temporary);
        free(artifacts->items[i].temporary);
        artifacts->items[i].temporary = NULL;
    }
}

void artifacts_free(struct artifacts *artifacts)
{
    artifacts_discard(artifacts);
    for (size_t i = 0; i < artifacts->count; i++)
        free_artifact(&artifacts->items[i]);
    free(artifacts->items);
    *artifacts = (struct artifacts){0};
}
