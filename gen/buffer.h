/* buffer.h: a growing byte buffer, always NUL-terminated, that can spill
 * into a sink (sink.h): with one set, whatever it holds past
 * BUFFER_SPILL_BYTES goes there, so an artifact of any size is rendered in
 * bounded memory. */
#ifndef REGEN_BUFFER_H
#define REGEN_BUFFER_H

#include <stdbool.h>
#include <stddef.h>

struct sink;

#define BUFFER_SPILL_BYTES ((size_t)1 << 20)

struct buffer {
    char *bytes;
    size_t length;
    size_t capacity;
    struct sink *spill; /* NULL: none (a zeroed buffer never spills) */
    bool spill_failed;  /* the sink refused bytes: it says why */
};

bool buffer_append(struct buffer *buffer, const char *bytes, size_t length);
bool buffer_append_string(struct buffer *buffer, const char *text);
bool buffer_append_char(struct buffer *buffer, char c);
/* VALUE in decimal, as "%lld" writes it. */
bool buffer_append_integer(struct buffer *buffer, long long value);
/* Writes out what a spilling buffer still holds. */
bool buffer_flush(struct buffer *buffer);
/* Hands the bytes over to the caller and empties the buffer. */
char *buffer_take(struct buffer *buffer, size_t *length);
void buffer_free(struct buffer *buffer);

#endif
