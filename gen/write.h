/* write.h: artifacts to disk, all or nothing, and only where bytes changed.
 *
 * Every changed artifact is first written to a temporary file in the output
 * directory; only when all of them are complete are they renamed into place.
 * An artifact whose bytes are already on disk is not touched, so its mtime
 * stays and nothing downstream rebuilds. */
#ifndef REGEN_WRITE_H
#define REGEN_WRITE_H

#include "artifact.h"

/* Returns EXIT_OK, or EXIT_TROUBLE after reporting why (nothing renamed). */
int write_artifacts(const char *directory, const struct artifacts *artifacts);

/* --check: names every artifact whose file is missing or differs. Returns
 * EXIT_OK when all are current, EXIT_INVALID when any is stale. */
int check_artifacts(const char *directory, const struct artifacts *artifacts);

/* One file, the same way: temporary file and rename, untouched when its
 * bytes are already there. For the depfile. */
int write_file(const char *path, const char *bytes, size_t length);

/* DIRECTORY/NAME, allocated. */
char *path_join(const char *directory, const char *name);

#endif
