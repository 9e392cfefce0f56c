/* buffer.h: a growing byte buffer, always NUL-terminated, that can spill
 * into a file: with a spill descriptor set, whatever it holds past
 * BUFFER_SPILL_BYTES is written out, so an artifact of any size is rendered
 * in bounded memory. */
#ifndef REGEN_BUFFER_H
#define REGEN_BUFFER_H

#include <stdbool.h>
#include <stddef.h>

#define BUFFER_SPILL_BYTES ((size_t)1 << 20)

struct buffer {
    char *bytes;
    size_t length;
    size_t capacity;
    int spill_fd;      /* 0: none (a zeroed buffer never spills); else descriptor + 1 */
    bool spill_failed; /* a write failed: errno says why */
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
