/* artifact.h: the files a run produces. Each is either in memory (--check
 * compares it) or rendered beside its final place: complete in a temporary
 * file (a run that writes renames it there once every artifact is ready),
 * or found, while it rendered, to be the file already there (sink.h). */
#ifndef REGEN_ARTIFACT_H
#define REGEN_ARTIFACT_H

#include "sink.h"

#include <stdbool.h>
#include <stddef.h>

struct artifact {
    char *name;  /* file name inside the output directory, e.g. "http_status.h" */
    char *bytes; /* in memory, or NULL */
    size_t length;
    char *temporary;               /* the temporary file holding it, or NULL */
    bool unchanged;                /* the file in place holds exactly these bytes... */
    struct file_identity in_place; /* ...as long as it is still this one */
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
