/* source.h: a whole input file in memory, read under a size limit. */
#ifndef REGEN_SOURCE_H
#define REGEN_SOURCE_H

#include "diag.h"

#include <stddef.h>

#define DEFAULT_MAX_BYTES ((size_t)16 * 1024 * 1024)

struct source {
    const char *path; /* as the user wrote it: errors name the file this way */
    char *bytes;      /* NUL-terminated copy of the file */
    size_t length;
};

/* Reads PATH whole. Returns EXIT_OK, EXIT_INVALID with a located error when the
 * file is over MAX_BYTES, or EXIT_TROUBLE (already reported) when it cannot be
 * read. */
int source_read(const char *path, size_t max_bytes, struct source *source, struct diags *diags);
void source_free(struct source *source);

/* How many lines the source has: about how many nodes a block-style
 * registry has, which sizes the loader's location table. */
size_t source_line_count(const struct source *source);

/* DIRECTORY/NAME, allocated; NULL when out of memory. */
char *path_join(const char *directory, const char *name);

/* Line and column of a byte offset, for errors that carry only an offset. */
struct mark source_mark_at(const struct source *source, size_t offset);

#endif
