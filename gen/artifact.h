/* artifact.h: the files a run produces, rendered in memory. */
#ifndef REGEN_ARTIFACT_H
#define REGEN_ARTIFACT_H

#include <stdbool.h>
#include <stddef.h>

struct artifact {
    char *name;  /* file name inside the output directory, e.g. "http_status.h" */
    char *bytes; /* all of it */
    size_t length;
};

struct artifacts {
    struct artifact *items;
    size_t count;
    size_t capacity;
};

/* Takes ownership of ARTIFACT's strings, also when it fails (out of
 * memory, or a string missing). */
bool artifacts_add(struct artifacts *artifacts, struct artifact artifact);
void artifacts_free(struct artifacts *artifacts);

#endif
