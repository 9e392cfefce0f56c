/* json_text.c: a model value as JSON text, private keys left out.
 *
 * Jansson's own dump needs a copy without the private keys, and it checks
 * every object and list against its parents through a hash table: at
 * 100,000 entries the copy and the dump were a seventh of all instructions.
 * The model has no cycles (the loader builds a tree), so this walk writes
 * the public keys as it meets them. The layout is Jansson's with
 * JSON_INDENT(2) | JSON_PRESERVE_ORDER, which the NAME.json artifacts were
 * always written in; tests/json_text_test.c holds the two side by side. */
#include "json_text.h"
#include "escape.h"

#include <stdlib.h>

#define INDENT_WIDTH 2

/* A line break, then DEPTH levels of indent. */
static bool append_indent(struct buffer *out, size_t depth)
{
    static const char line[] = "\n                                ";
    size_t spaces = depth * INDENT_WIDTH;
    size_t first = spaces < sizeof line - 2 ? spaces : sizeof line - 2;
    if (!buffer_append(out, line, first + 1))
        return false;
    for (spaces -= first; spaces > 0; spaces -= first) {
        first = spaces < sizeof line - 2 ? spaces : sizeof line - 2;
        if (!buffer_append(out, line + 1, first))
            return false;
    }
    return true;
}

/* A byte that JSON does not allow in a string as it is: '"', '\\' or a
 * control character. Other bytes, UTF-8 included, are written as they are. */
static bool json_special(unsigned char byte)
{
    return byte < 0x20 || byte == '"' || byte == '\\';
}

/* As Jansson writes it: the usual short forms, else \u00XX in upper-case
 * hex (escape.c's ESCAPE_JSON writes lower case, for templates). */
static bool json_write(struct buffer *out, const char *text, size_t length, size_t i)
{
    (void)length;
    static const char hex[] = "0123456789ABCDEF";
    unsigned char byte = (unsigned char)text[i];
    char escaped[6] = {'\\', 'u', '0', '0', hex[byte >> 4], hex[byte & 0xF]};
    char short_form = byte == '"'    ? '"'
                      : byte == '\\' ? '\\'
                      : byte == '\b' ? 'b'
                      : byte == '\f' ? 'f'
                      : byte == '\n' ? 'n'
                      : byte == '\r' ? 'r'
                      : byte == '\t' ? 't'
                                     : '\0';
    if (short_form) {
        escaped[1] = short_form;
        return buffer_append(out, escaped, 2);
    }
    return buffer_append(out, escaped, sizeof escaped);
}

static bool append_string(struct buffer *out, const char *text, size_t length)
{
    return buffer_append_char(out, '"') &&
           escape_runs(out, text, length, json_special, json_write) && buffer_append_char(out, '"');
}

/* The model holds no reals today; should one appear, Jansson's own
 * shortest round-trip form is the one to match. */
static bool append_real(struct buffer *out, const json_t *value)
{
    char *text = json_dumps(value, JSON_ENCODE_ANY);
    bool ok = text && buffer_append_string(out, text);
    free(text);
    return ok;
}

static bool append_value(struct buffer *out, const json_t *value, size_t depth);

static bool append_object(struct buffer *out, const json_t *object, size_t depth)
{
    const char *key;
    size_t key_length;
    json_t *member;
    bool any = false;
    if (!buffer_append_char(out, '{'))
        return false;
    json_object_keylen_foreach((json_t *)object, key, key_length, member)
    {
        if (key[0] == '_')
            continue; /* private: the templates' helpers, not the data */
        if ((any && !buffer_append_char(out, ',')) || !append_indent(out, depth + 1) ||
            !append_string(out, key, key_length) || !buffer_append(out, ": ", 2) ||
            !append_value(out, member, depth + 1))
            return false;
        any = true;
    }
    return (!any || append_indent(out, depth)) && buffer_append_char(out, '}');
}

static bool append_array(struct buffer *out, const json_t *array, size_t depth)
{
    size_t count = json_array_size(array);
    if (!buffer_append_char(out, '['))
        return false;
    for (size_t i = 0; i < count; i++)
        if ((i > 0 && !buffer_append_char(out, ',')) || !append_indent(out, depth + 1) ||
            !append_value(out, json_array_get(array, i), depth + 1))
            return false;
    return (count == 0 || append_indent(out, depth)) && buffer_append_char(out, ']');
}

static bool append_value(struct buffer *out, const json_t *value, size_t depth)
{
    switch (json_typeof(value)) {
    case JSON_OBJECT:
        return append_object(out, value, depth);
    case JSON_ARRAY:
        return append_array(out, value, depth);
    case JSON_STRING:
        return append_string(out, json_string_value(value), json_string_length(value));
    case JSON_INTEGER:
        return buffer_append_integer(out, (long long)json_integer_value(value));
    case JSON_REAL:
        return append_real(out, value);
    case JSON_TRUE:
        return buffer_append(out, "true", 4);
    case JSON_FALSE:
        return buffer_append(out, "false", 5);
    default:
        return buffer_append(out, "null", 4);
    }
}

bool json_text_append(struct buffer *out, const json_t *value)
{
    return value && append_value(out, value, 0);
}
