/* write.h: artifacts to disk, all or nothing, and only where bytes changed.
 *
 * Every artifact is first complete in a temporary file in the output
 * directory (render streams into it); only when all of them are complete are
 * they renamed into place. An artifact whose bytes are already on disk is not
 * touched, so its mtime stays and nothing downstream rebuilds. */
#ifndef REGEN_WRITE_H
#define REGEN_WRITE_H

#include "artifact.h"

/* mkdir -p DIRECTORY. Returns EXIT_OK or EXIT_TROUBLE (reported). */
int make_output_directory(const char *directory);

/* A new temporary file in DIRECTORY for the artifact NAME (".NAME.XXXXXX",
 * on the same file system, so the rename is atomic). Returns its descriptor
 * and sets *PATH, or returns -1 after reporting why. */
int open_temporary(const char *directory, const char *name, char **path);

/* Puts every artifact in place. Returns EXIT_OK, or EXIT_TROUBLE after
 * reporting why (and removing the temporary files). */
int write_artifacts(const char *directory, struct artifacts *artifacts);

/* --check: names every artifact whose file is missing or differs. Returns
 * EXIT_OK when all are current, EXIT_INVALID when any is stale. */
int check_artifacts(const char *directory, const struct artifacts *artifacts);

/* One file, the same way: temporary file and rename, untouched when its
 * bytes are already there. For the depfile. */
int write_file(const char *path, const char *bytes, size_t length);

/* DIRECTORY/NAME, allocated. */
char *path_join(const char *directory, const char *name);

#endif
