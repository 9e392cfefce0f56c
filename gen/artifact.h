/* artifact.h: the files a run produces, complete in memory before any write. */
#ifndef REGEN_ARTIFACT_H
#define REGEN_ARTIFACT_H

#include <stdbool.h>
#include <stddef.h>

struct artifact {
    char *name; /* file name inside the output directory, e.g. "http_status.h" */
    char *bytes;
    size_t length;
};

struct artifacts {
    struct artifact *items;
    size_t count;
    size_t capacity;
};

/* Takes ownership of NAME and BYTES. */
bool artifacts_add(struct artifacts *artifacts, char *name, char *bytes, size_t length);
void artifacts_free(struct artifacts *artifacts);

#endif
