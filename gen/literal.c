/* literal.c: string literal contents for the languages regen writes. */
#include "literal.h"

#include <stdint.h>
#include <stdio.h>

/* The code point of the UTF-8 sequence at TEXT (its length in *SIZE), or -1
 * where the bytes are not one: those are copied as they are. */
static int32_t decode(const unsigned char *text, size_t length, size_t *size)
{
    unsigned char lead = text[0];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
    if (need == 0 || need > length)
        return -1;
    int32_t point = lead & (0x7F >> need);
    for (size_t i = 1; i < need; i++) {
        if ((text[i] & 0xC0) != 0x80)
            return -1;
        point = (point << 6) | (text[i] & 0x3F);
    }
    *size = need;
    return point;
}

static bool needs_unicode_escape(int32_t point)
{
    return (point >= 0x80 && point <= 0x9F) || point == 0x2028 || point == 0x2029 ||
           (point >= 0x202A && point <= 0x202E) || (point >= 0x2066 && point <= 0x2069) ||
           point == 0xFEFF;
}

static bool append_unicode(struct buffer *out, enum literal_language language, int32_t point)
{
    char escaped[16];
    snprintf(escaped, sizeof escaped, language == LITERAL_RUST ? "\\u{%04x}" : "\\u%04x",
             (unsigned)point);
    return buffer_append_string(out, escaped);
}

static bool append_ascii(struct buffer *out, unsigned char byte)
{
    char escaped[8];
    switch (byte) {
    case '\\':
        return buffer_append_string(out, "\\\\");
    case '"':
        return buffer_append_string(out, "\\\"");
    case '\n':
        return buffer_append_string(out, "\\n");
    case '\r':
        return buffer_append_string(out, "\\r");
    case '\t':
        return buffer_append_string(out, "\\t");
    default:
        if (byte >= 0x20 && byte != 0x7F)
            return buffer_append_char(out, (char)byte);
        snprintf(escaped, sizeof escaped, "\\x%02x", byte);
        return buffer_append_string(out, escaped);
    }
}

bool literal_append(struct buffer *out, enum literal_language language, const char *text,
                    size_t length)
{
    const unsigned char *bytes = (const unsigned char *)text;
    for (size_t i = 0; i < length;) {
        size_t size = 1;
        int32_t point = bytes[i] < 0x80 ? bytes[i] : decode(bytes + i, length - i, &size);
        bool ok = point < 0x80 && point >= 0    ? append_ascii(out, bytes[i])
                  : needs_unicode_escape(point) ? append_unicode(out, language, point)
                                                : buffer_append(out, text + i, size);
        if (!ok)
            return false;
        i += size;
    }
    return true;
}
