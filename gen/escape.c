/* escape.c: writing registry strings safely into C, Markdown and JSON. */
#include "escape.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    enum escape escape;
} escape_names[] = {
    {"none", ESCAPE_NONE}, {"c", ESCAPE_C},       {"comment", ESCAPE_COMMENT},
    {"md", ESCAPE_MD},     {"json", ESCAPE_JSON},
};

bool escape_from_name(const char *name, size_t length, enum escape *escape)
{
    for (size_t i = 0; i < sizeof escape_names / sizeof *escape_names; i++) {
        if (strlen(escape_names[i].name) == length &&
            memcmp(escape_names[i].name, name, length) == 0) {
            *escape = escape_names[i].escape;
            return true;
        }
    }
    return false;
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t length = strlen(text), suffix_length = strlen(suffix);
    return length >= suffix_length && strcmp(text + length - suffix_length, suffix) == 0;
}

enum escape escape_for_file(const char *file_name)
{
    if (ends_with(file_name, ".c") || ends_with(file_name, ".h"))
        return ESCAPE_C;
    if (ends_with(file_name, ".md"))
        return ESCAPE_MD;
    if (ends_with(file_name, ".json"))
        return ESCAPE_JSON;
    return ESCAPE_NONE;
}

/* C string literal contents. Every byte outside printable ASCII becomes a
 * three-digit octal escape, which can never swallow the next character (a
 * hex escape would); '?' is escaped so "??/" can never form a trigraph. */
static bool append_c(struct buffer *out, const char *text, size_t length)
{
    bool ok = true;
    for (size_t i = 0; ok && i < length; i++) {
        unsigned char byte = (unsigned char)text[i];
        char octal[5];
        switch (byte) {
        case '\\':
            ok = buffer_append_string(out, "\\\\");
            break;
        case '"':
            ok = buffer_append_string(out, "\\\"");
            break;
        case '?':
            ok = buffer_append_string(out, "\\?");
            break;
        case '\n':
            ok = buffer_append_string(out, "\\n");
            break;
        default:
            if (byte >= 0x20 && byte < 0x7F) {
                ok = buffer_append_char(out, (char)byte);
            } else {
                snprintf(octal, sizeof octal, "\\%03o", byte);
                ok = buffer_append_string(out, octal);
            }
        }
    }
    return ok;
}

/* Inside a block comment only "*" followed by "/" ends it early; a line
 * feed is kept as a space so one entry's comment stays on one line. A
 * control byte is dropped: a comment is for people. */
static bool append_comment(struct buffer *out, const char *text, size_t length)
{
    bool ok = true;
    for (size_t i = 0; ok && i < length; i++) {
        unsigned char byte = (unsigned char)text[i];
        if (byte == '*' && i + 1 < length && text[i + 1] == '/')
            ok = buffer_append_string(out, "* ");
        else if (byte == '\n')
            ok = buffer_append_char(out, ' ');
        else if (byte >= 0x20 && byte != 0x7F)
            ok = buffer_append_char(out, (char)byte);
        /* "??/" at the end of a comment line is harmless: it cannot splice
         * anything out of a block comment. */
    }
    return ok;
}

/* Markdown: backslash-escape what could start emphasis, code, links,
 * tables or strikethrough; turn HTML-significant characters into entities
 * so no string can inject markup; a line feed becomes <br> so a value never
 * breaks out of a table row; a value that starts like a block (heading,
 * list, quote, "1." list item) is escaped at its start. */
static bool append_md(struct buffer *out, const char *text, size_t length)
{
    static const char punctuation[] = "\\`*_[]|~!";
    size_t digits = 0;
    while (digits < length && text[digits] >= '0' && text[digits] <= '9')
        digits++;
    bool ok = true;
    if (length > 0 && text[0] != '\0' && strchr("#-+=", text[0]))
        ok = buffer_append_char(out, '\\');
    for (size_t i = 0; ok && i < length; i++) {
        char c = text[i];
        bool list_marker = i == digits && digits > 0 && (c == '.' || c == ')');
        if (c == '<')
            ok = buffer_append_string(out, "&lt;");
        else if (c == '>')
            ok = buffer_append_string(out, "&gt;");
        else if (c == '&')
            ok = buffer_append_string(out, "&amp;");
        else if (c == '\n')
            ok = buffer_append_string(out, "<br>");
        else if (list_marker || (c != '\0' && strchr(punctuation, c)))
            ok = buffer_append_char(out, '\\') && buffer_append_char(out, c);
        else
            ok = buffer_append_char(out, c);
    }
    return ok;
}

static bool append_json(struct buffer *out, const char *text, size_t length)
{
    bool ok = true;
    for (size_t i = 0; ok && i < length; i++) {
        unsigned char byte = (unsigned char)text[i];
        char escaped[8];
        if (byte == '"' || byte == '\\') {
            ok = buffer_append_char(out, '\\') && buffer_append_char(out, (char)byte);
        } else if (byte == '\n') {
            ok = buffer_append_string(out, "\\n");
        } else if (byte < 0x20 || byte == 0x7F) {
            snprintf(escaped, sizeof escaped, "\\u%04x", byte);
            ok = buffer_append_string(out, escaped);
        } else {
            ok = buffer_append_char(out, (char)byte);
        }
    }
    return ok;
}

bool escape_append(struct buffer *out, enum escape escape, const char *text, size_t length)
{
    switch (escape) {
    case ESCAPE_C:
        return append_c(out, text, length);
    case ESCAPE_COMMENT:
        return append_comment(out, text, length);
    case ESCAPE_MD:
        return append_md(out, text, length);
    case ESCAPE_JSON:
        return append_json(out, text, length);
    case ESCAPE_NONE:
        break;
    }
    return buffer_append(out, text, length);
}
