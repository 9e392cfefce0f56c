/* buffer.c: a growing byte buffer. */
#include "buffer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool reserve(struct buffer *buffer, size_t more)
{
    if (buffer->length + more < buffer->capacity)
        return true;
    size_t capacity = buffer->capacity ? buffer->capacity : 256;
    while (capacity <= buffer->length + more)
        capacity *= 2;
    char *bytes = realloc(buffer->bytes, capacity);
    if (!bytes)
        return false;
    buffer->bytes = bytes;
    buffer->capacity = capacity;
    return true;
}

bool buffer_append(struct buffer *buffer, const char *bytes, size_t length)
{
    if (!reserve(buffer, length))
        return false;
    if (length)
        memcpy(buffer->bytes + buffer->length, bytes, length);
    buffer->length += length;
    buffer->bytes[buffer->length] = '\0';
    return true;
}

bool buffer_append_string(struct buffer *buffer, const char *text)
{
    return buffer_append(buffer, text, strlen(text));
}

bool buffer_append_char(struct buffer *buffer, char c)
{
    return buffer_append(buffer, &c, 1);
}

bool buffer_append_integer(struct buffer *buffer, long long value)
{
    char digits[32];
    int length = snprintf(digits, sizeof digits, "%lld", value);
    return buffer_append(buffer, digits, (size_t)length);
}

char *buffer_take(struct buffer *buffer, size_t *length)
{
    /* Never appended to, it is still handed over as "", NUL-terminated. */
    if (!buffer->bytes && !buffer_append(buffer, "", 0))
        return NULL;
    char *bytes = buffer->bytes;
    *length = buffer->length;
    *buffer = (struct buffer){0};
    return bytes;
}

void buffer_free(struct buffer *buffer)
{
    free(buffer->bytes);
    *buffer = (struct buffer){0};
}
