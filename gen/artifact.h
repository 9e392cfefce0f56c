/* artifact.h: the files a run produces. Each is either in memory (--check
 * compares it) or already complete in a temporary file beside its final
 * place (a run that writes renames it there once every artifact is ready). */
#ifndef REGEN_ARTIFACT_H
#define REGEN_ARTIFACT_H

#include <stdbool.h>
#include <stddef.h>

struct artifact {
    char *name;  /* file name inside the output directory, e.g. "http_status.h" */
    char *bytes; /* in memory, or NULL */
    size_t length;
    char *temporary; /* the temporary file holding it, or NULL */
};

struct artifacts {
    struct artifact *items;
    size_t count;
    size_t capacity;
};

/* Takes ownership of ARTIFACT's strings. */
bool artifacts_add(struct artifacts *artifacts, struct artifact artifact);
/* Removes every temporary file not yet renamed into place. */
void artifacts_discard(struct artifacts *artifacts);
void artifacts_free(struct artifacts *artifacts);

#endif
