/* write.h: artifacts to disk, all or nothing, and only where bytes changed
 * (move-if-change, as re2c and autotools do).
 *
 * Each artifact is compared with the file in place. One that differs is
 * written whole into a temporary file beside it, in the same directory (so
 * the rename is atomic); only once every such file is complete is each one
 * renamed over its artifact. A file that already holds its artifact is not
 * touched: its mtime stays, and nothing downstream rebuilds. Two runs at
 * once each rename complete files, so either leaves correct output. A file
 * changed by someone else while regen runs is simply replaced, as every
 * move-if-change tool does. */
#ifndef REGEN_WRITE_H
#define REGEN_WRITE_H

#include "artifact.h"

/* Puts every artifact in place in DIRECTORY (made, with its parents, when
 * missing). Returns EXIT_OK, or EXIT_TROUBLE after reporting why, having
 * removed its temporary files (and the directory, if it made it). */
int write_artifacts(const char *directory, const struct artifacts *artifacts);

/* --check: names every artifact whose file is missing ("missing") or
 * differs ("stale"), and writes nothing. Returns EXIT_OK when all are current, EXIT_INVALID when
 * any is stale. */
int check_artifacts(const char *directory, const struct artifacts *artifacts);

/* One file at PATH, the same way. For the depfile. */
int write_file(const char *path, const char *bytes, size_t length);

#endif
