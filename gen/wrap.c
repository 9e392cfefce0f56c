/* wrap.c: breaking long values of generated C over lines (wrap.h). */
#include "wrap.h"

#include <stdlib.h>
#include <string.h>

/* A value that begins past this column goes on at the line's indentation
 * plus four: aligned under itself, it would have too little room. */
#define LATE_START 72

/* What the line a value is written on says, before the value. */
struct line {
    size_t start;   /* in the buffer */
    size_t column;  /* characters before the value */
    size_t indent;  /* the line's leading spaces */
    bool comment;   /* a line of a comment of its own: it begins with "/ *" or "*" */
    bool directive; /* part of a preprocessor directive: '#' first, or after a '\' */
};

static bool starts_character(unsigned char byte)
{
    return (byte & 0xC0) != 0x80;
}

static size_t width(enum wrap_kind kind, const char *text, size_t length)
{
    if (kind != WRAP_COMMENT)
        return length; /* escaped C is ASCII */
    size_t characters = 0;
    for (size_t i = 0; i < length; i++)
        characters += starts_character((unsigned char)text[i]);
    return characters;
}

static struct line line_before(const struct buffer *out, size_t value_start)
{
    struct line line = {value_start, 0, 0, false, false};
    while (line.start > 0 && out->bytes[line.start - 1] != '\n')
        line.start--;
    line.column = width(WRAP_COMMENT, out->bytes + line.start, value_start - line.start);
    while (line.start + line.indent < value_start && out->bytes[line.start + line.indent] == ' ')
        line.indent++;
    const char *first = out->bytes + line.start + line.indent;
    size_t rest = value_start - line.start - line.indent;
    line.comment =
        rest > 0 && (first[0] == '*' || (rest > 1 && first[0] == '/' && first[1] == '*'));
    line.directive =
        (rest > 0 && first[0] == '#') || (line.start >= 2 && out->bytes[line.start - 2] == '\\');
    return line;
}

/* The length of the unit at TEXT[I]: what the line may not be broken
 * inside. For a character list, a constant with the ", " after it. */
static size_t unit_length(enum wrap_kind kind, const char *text, size_t length, size_t i)
{
    size_t end = i + 1;
    switch (kind) {
    case WRAP_STRING: /* \ooo, \x, or a byte */
        if (text[i] == '\\' && i + 1 < length)
            end = text[i + 1] >= '0' && text[i + 1] <= '7' ? i + 4 : i + 2;
        break;
    case WRAP_COMMENT: /* a UTF-8 character */
        while (end < length && !starts_character((unsigned char)text[end]))
            end++;
        break;
    case WRAP_CHARS: /* 'x', '\'', or '\ooo', */
        end = i + 1 + (i + 1 < length && text[i + 1] == '\\' ? 2 : 0);
        while (end < length && text[end] != '\'')
            end++;
        end++;
        while (end < length && (text[end] == ',' || text[end] == ' '))
            end++;
        break;
    }
    return end < length ? end : length;
}

/* Where the next line of the value begins, and what opens it. */
static bool begin_next_line(struct buffer *out, enum wrap_kind kind, const struct line *line,
                            size_t *column)
{
    size_t spaces = kind == WRAP_STRING ? line->column - 1 : line->column; /* under the '"' */
    if (kind == WRAP_CHARS)
        spaces = line->indent; /* a byte array's items: each line one more */
    else if (line->column > LATE_START)
        spaces = line->indent + 4;
    const char *open = kind == WRAP_STRING ? "\"" : "";
    if (kind == WRAP_COMMENT && line->comment) {
        spaces = line->indent + 1;
        open = "* ";
    }
    const char *close = kind != WRAP_STRING ? "" : line->directive ? "\" \\" : "\"";
    bool ok = buffer_append_string(out, close) && buffer_append_char(out, '\n');
    for (size_t i = 0; ok && i < spaces; i++)
        ok = buffer_append_char(out, ' ');
    *column = spaces + strlen(open);
    return ok && buffer_append_string(out, open);
}

/* TEXT laid out from COLUMN on: each line as far as WRAP_COLUMN allows,
 * broken after a space where there is one (a comment drops that space, a
 * string keeps it), else after a '/', '-' or '_', and never inside a unit. */
static bool lay_out(struct buffer *out, enum wrap_kind kind, const struct line *line,
                    const char *text, size_t length)
{
    size_t column = line->column;
    for (size_t start = 0; start < length;) {
        size_t end = start, used = column, after_space = 0, after_mark = 0;
        while (end < length) {
            size_t next = unit_length(kind, text, length, end);
            size_t more = width(kind, text + end, next - end);
            if (used + more > WRAP_COLUMN && end > start)
                break;
            used += more;
            if (kind == WRAP_CHARS || text[next - 1] == ' ')
                after_space = next;
            else if (next - end == 1 && strchr("/-_", text[end]))
                after_mark = next; /* a path, a URL, a long name */
            end = next;
        }
        if (end == length)
            return buffer_append(out, text + start, length - start);
        size_t cut = after_space > start ? after_space : after_mark > start ? after_mark : end;
        size_t kept = cut;
        if (kind != WRAP_STRING)
            while (kept > start && text[kept - 1] == ' ')
                kept--;
        if (!buffer_append(out, text + start, kept - start) ||
            !begin_next_line(out, kind, line, &column))
            return false;
        start = cut;
    }
    return true;
}

bool wrap_value(struct buffer *out, enum wrap_kind kind, size_t value_start)
{
    size_t length = out->length - value_start;
    struct line line = line_before(out, value_start);
    if (line.column + width(kind, out->bytes + value_start, length) <= WRAP_COLUMN)
        return true;
    char *value = malloc(length + 1);
    if (!value)
        return false;
    memcpy(value, out->bytes + value_start, length);
    out->length = value_start;
    out->bytes[value_start] = '\0';
    bool ok = lay_out(out, kind, &line, value, length);
    free(value);
    return ok;
}
