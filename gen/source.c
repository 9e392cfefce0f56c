/* source.c: reading an input file whole, refusing oversized ones early. */
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int report_unreadable(const char *path)
{
    fail("cannot read '%s': %s", path, strerror(errno));
    return EXIT_TROUBLE;
}

/* Reads at most max_bytes + 1 bytes, so an oversized file is detected
 * without holding more of it than the limit (and pipes work too). */
static int read_bounded(FILE *stream, size_t max_bytes, char **bytes, size_t *length)
{
    size_t capacity = 65536, used = 0;
    char *buffer = malloc(capacity + 1);
    if (!buffer)
        return -1;
    for (;;) {
        size_t want = capacity - used;
        size_t got = fread(buffer + used, 1, want, stream);
        used += got;
        if (used > max_bytes || got < want)
            break;
        capacity *= 2;
        char *bigger = realloc(buffer, capacity + 1);
        if (!bigger) {
            free(buffer);
            return -1;
        }
        buffer = bigger;
    }
    buffer[used] = '\0';
    *bytes = buffer;
    *length = used;
    return ferror(stream) ? -1 : 0;
}

int source_read(const char *path, size_t max_bytes, struct source *source, struct diags *diags)
{
    *source = (struct source){path, NULL, 0};
    FILE *stream = fopen(path, "rb");
    if (!stream)
        return report_unreadable(path);
    int status = read_bounded(stream, max_bytes, &source->bytes, &source->length);
    int saved_errno = errno;
    fclose(stream);
    if (status != 0) {
        errno = saved_errno;
        source_free(source);
        return report_unreadable(path);
    }
    if (source->length > max_bytes) {
        diag_add(diags, path, (struct mark){0, 0},
                 "file is larger than %zu bytes (the limit; see --max-bytes)", max_bytes);
        source_free(source);
        return EXIT_INVALID;
    }
    return EXIT_OK;
}

void source_free(struct source *source)
{
    free(source->bytes);
    source->bytes = NULL;
    source->length = 0;
}

struct mark source_mark_at(const struct source *source, size_t offset)
{
    struct mark mark = {1, 1};
    if (offset > source->length)
        offset = source->length;
    size_t start = 0;
    if (source->length >= 3 && memcmp(source->bytes, "\xEF\xBB\xBF", 3) == 0)
        start = 3; /* a UTF-8 byte-order mark is no character of line 1 */
    for (size_t i = start; i < offset; i++) {
        unsigned char byte = (unsigned char)source->bytes[i];
        if (byte == '\n' || (byte == '\r' && source->bytes[i + 1] != '\n')) {
            mark.line++;
            mark.col = 1;
        } else if ((byte & 0xC0) != 0x80) {
            mark.col++; /* count characters, not UTF-8 continuation bytes */
        }
    }
    return mark;
}

size_t source_line_count(const struct source *source)
{
    size_t lines = 1;
    if (!source->bytes)
        return lines;
    const char *end = source->bytes + source->length;
    for (const char *p = source->bytes; (p = memchr(p, '\n', (size_t)(end - p))); p++)
        lines++;
    return lines;
}

char *path_join(const char *directory, const char *name)
{
    size_t length = strlen(directory) + strlen(name) + 2;
    char *path = malloc(length);
    if (path)
        snprintf(path, length, "%s/%s", directory, name);
    return path;
}
