/* buffer.h: a growing byte buffer, always NUL-terminated. */
#ifndef REGEN_BUFFER_H
#define REGEN_BUFFER_H

#include <stdbool.h>
#include <stddef.h>

struct buffer {
    char *bytes;
    size_t length;
    size_t capacity;
};

bool buffer_append(struct buffer *buffer, const char *bytes, size_t length);
bool buffer_append_string(struct buffer *buffer, const char *text);
bool buffer_append_char(struct buffer *buffer, char c);
/* VALUE in decimal, as "%lld" writes it. */
bool buffer_append_integer(struct buffer *buffer, long long value);
/* Hands the bytes over to the caller and empties the buffer. */
char *buffer_take(struct buffer *buffer, size_t *length);
void buffer_free(struct buffer *buffer);

#endif
