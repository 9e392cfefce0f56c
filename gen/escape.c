/* escape.c: writing registry strings safely into C, Markdown, JSON, HTML and
 * the string literals of other languages. */
#include "escape.h"
#include "json_text.h"
#include "literal.h"
#include "wrap.h"

#include <stdio.h>
#include <string.h>

/* Each escape's name, and the file extensions it is the default for. */
static const struct {
    const char *name;
    enum escape escape;
    const char *extensions[3];
} escape_table[] = {
    {"none", ESCAPE_NONE, {0}},
    {"c", ESCAPE_C, {".c", ".h"}},
    {"comment", ESCAPE_COMMENT, {0}},
    {"md", ESCAPE_MD, {".md"}},
    {"json", ESCAPE_JSON, {".json"}},
    {"chars", ESCAPE_CHARS, {0}},
    {"html", ESCAPE_HTML, {".html"}},
    {"script", ESCAPE_SCRIPT, {0}},
    {"python", ESCAPE_PYTHON, {".py", ".pyi"}},
    {"js", ESCAPE_JS, {".js", ".ts", ".mjs"}},
    {"rust", ESCAPE_RUST, {".rs"}},
    {"go", ESCAPE_GO, {".go"}},
};
#define ESCAPE_COUNT (sizeof escape_table / sizeof *escape_table)

bool escape_from_name(const char *name, size_t length, enum escape *escape)
{
    for (size_t i = 0; i < ESCAPE_COUNT; i++) {
        if (strlen(escape_table[i].name) == length &&
            memcmp(escape_table[i].name, name, length) == 0) {
            *escape = escape_table[i].escape;
            return true;
        }
    }
    return false;
}

const char *escape_names(void)
{
    return "none, c, comment, md, json, chars, html, script, python, js, rust, go";
}

static bool ends_with(const char *text, const char *suffix)
{
    size_t length = strlen(text), suffix_length = strlen(suffix);
    return length >= suffix_length && strcmp(text + length - suffix_length, suffix) == 0;
}

enum escape escape_for_file(const char *file_name)
{
    for (size_t i = 0; i < ESCAPE_COUNT; i++)
        for (size_t e = 0; e < 3 && escape_table[i].extensions[e]; e++)
            if (ends_with(file_name, escape_table[i].extensions[e]))
                return escape_table[i].escape;
    return ESCAPE_NONE;
}

/* The loop the escapes below share: runs of bytes that need no escape are
 * copied at once (most of any string), and each byte IS_SPECIAL picks is
 * replaced by what WRITE_SPECIAL writes for TEXT[I]. */
typedef bool (*escape_needed)(unsigned char byte);
typedef bool (*escape_writer)(struct buffer *out, const char *text, size_t length, size_t i);

static bool escape_runs(struct buffer *out, const char *text, size_t length,
                        escape_needed is_special, escape_writer write_special)
{
    size_t run = 0; /* start of the pending run of plain bytes */
    for (size_t i = 0; i < length; i++) {
        if (!is_special((unsigned char)text[i]))
            continue;
        if (!buffer_append(out, text + run, i - run) || !write_special(out, text, length, i))
            return false;
        run = i + 1;
    }
    return buffer_append(out, text + run, length - run);
}

/* C string literal contents. Every byte outside printable ASCII becomes a
 * three-digit octal escape, which can never swallow the next character (a
 * hex escape would); '?' is escaped so "??/" can never form a trigraph. */
static bool c_special(unsigned char byte)
{
    return byte < 0x20 || byte >= 0x7F || byte == '\\' || byte == '"' || byte == '?';
}

static bool c_write(struct buffer *out, const char *text, size_t length, size_t i)
{
    (void)length;
    unsigned char byte = (unsigned char)text[i];
    char octal[5];
    switch (byte) {
    case '\\':
        return buffer_append_string(out, "\\\\");
    case '"':
        return buffer_append_string(out, "\\\"");
    case '?':
        return buffer_append_string(out, "\\?");
    case '\n':
        return buffer_append_string(out, "\\n");
    default:
        snprintf(octal, sizeof octal, "\\%03o", byte);
        return buffer_append_string(out, octal);
    }
}

/* Inside a block comment only "*" followed by "/" ends it early, and "/"
 * followed by "*" draws a warning (-Wcomment): each gets a space. A line
 * feed is kept as a space so one entry's comment stays on one line. A
 * control byte is dropped: a comment is for people. ("??/" at the end of a
 * comment line is harmless: it cannot splice anything out of a comment.) */
static bool comment_special(unsigned char byte)
{
    return byte < 0x20 || byte == 0x7F || byte == '*' || byte == '/';
}

static bool comment_write(struct buffer *out, const char *text, size_t length, size_t i)
{
    bool next_is = i + 1 < length;
    if (text[i] == '*') /* "*" "/" would end the comment */
        return buffer_append_string(out, next_is && text[i + 1] == '/' ? "* " : "*");
    if (text[i] == '/') /* "/" "*" inside a comment: -Werror=comment */
        return buffer_append_string(out, next_is && text[i + 1] == '*' ? "/ " : "/");
    return text[i] == '\n' ? buffer_append_char(out, ' ') : true;
}

/* Markdown: backslash-escape what could start emphasis, code, links,
 * tables or strikethrough; turn HTML-significant characters into entities
 * so no string can inject markup; a line feed becomes <br> so a value never
 * breaks out of a table row. A value that starts like a block (heading,
 * list, "1." item) is escaped at its start, below. */
static bool md_special(unsigned char byte)
{
    return byte == '<' || byte == '>' || byte == '&' || byte == '\n' ||
           (byte != '\0' && strchr("\\`*_[]|~!", byte));
}

static bool md_write(struct buffer *out, const char *text, size_t length, size_t i)
{
    (void)length;
    switch (text[i]) {
    case '<':
        return buffer_append_string(out, "&lt;");
    case '>':
        return buffer_append_string(out, "&gt;");
    case '&':
        return buffer_append_string(out, "&amp;");
    case '\n':
        return buffer_append_string(out, "<br>");
    default:
        return buffer_append_char(out, '\\') && buffer_append_char(out, text[i]);
    }
}

static bool append_md(struct buffer *out, const char *text, size_t length)
{
    size_t digits = 0;
    while (digits < length && text[digits] >= '0' && text[digits] <= '9')
        digits++;
    if (length > 0 && text[0] != '\0' && strchr("#-+=", text[0]) && !buffer_append_char(out, '\\'))
        return false;
    if (digits > 0 && digits < length && (text[digits] == '.' || text[digits] == ')'))
        return escape_runs(out, text, digits, md_special, md_write) &&
               buffer_append_char(out, '\\') &&
               escape_runs(out, text + digits, length - digits, md_special, md_write);
    return escape_runs(out, text, length, md_special, md_write);
}

/* One byte as a C character constant, 'a' or '\001', at TO; returns
 * its length (at most 6). */
static size_t char_constant(unsigned char byte, char *to)
{
    size_t used = 0;
    to[used++] = '\'';
    if (byte == '\'' || byte == '\\' || byte == '?') {
        to[used++] = '\\';
        to[used++] = (char)byte;
    } else if (byte >= 0x20 && byte < 0x7F) {
        to[used++] = (char)byte;
    } else { /* octal, by hand: snprintf per byte would dominate large pools */
        to[used++] = '\\';
        if (byte >= 0100)
            to[used++] = (char)('0' + (byte >> 6));
        if (byte >= 010)
            to[used++] = (char)('0' + ((byte >> 3) & 7));
        to[used++] = (char)('0' + (byte & 7));
    }
    to[used++] = '\'';
    return used;
}

/* One C character constant per byte, comma-separated: a byte array's
 * initializer that a reader can still read ('n', 'o', 't', ' ', ...), where a
 * string literal could exceed the 4095 bytes C99 promises. Formatted a run
 * at a time: the key pools of a large registry are tens of megabytes of
 * these, and an append per constant showed in profiles. */
static bool append_chars(struct buffer *out, const char *text, size_t length)
{
    char run[512];
    size_t used = 0;
    for (size_t i = 0; i < length; i++) {
        if (used > sizeof run - 8) {
            if (!buffer_append(out, run, used))
                return false;
            used = 0;
        }
        if (i > 0) {
            run[used++] = ',';
            run[used++] = ' ';
        }
        used += char_constant((unsigned char)text[i], run + used);
    }
    return buffer_append(out, run, used);
}

/* HTML: the five characters that could end text or a quoted attribute, or
 * begin markup, become entities; the rest is UTF-8 as it is. */
static bool html_special(unsigned char byte)
{
    return byte == '&' || byte == '<' || byte == '>' || byte == '"' || byte == '\'';
}

static bool html_write(struct buffer *out, const char *text, size_t length, size_t i)
{
    (void)length;
    static const char specials[] = "&<>\"'";
    static const char *const entities[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"};
    return buffer_append_string(out, entities[strchr(specials, text[i]) - specials]);
}

/* A JSON string inside a <script> element: as Jansson writes it, and then
 * '<', '>' and '&' as \u003c, \u003e, \u0026, so that no string can write
 * "</script>" or "<!--" and end or bend the element. */
static bool script_special(unsigned char byte)
{
    return byte == '<' || byte == '>' || byte == '&';
}

static bool script_write(struct buffer *out, const char *text, size_t length, size_t i)
{
    (void)length;
    char escaped[8];
    snprintf(escaped, sizeof escaped, "\\u%04x", (unsigned char)text[i]);
    return buffer_append_string(out, escaped);
}

static bool append_script(struct buffer *out, const char *text, size_t length)
{
    struct buffer json = {0};
    bool ok =
        json_text_append_string(&json, text, length) &&
        escape_runs(out, json.bytes ? json.bytes : "", json.length, script_special, script_write);
    buffer_free(&json);
    return ok;
}

/* Whether OUT's last byte opens a string literal the value now fills. */
static bool opens_string(const struct buffer *out)
{
    return out->length > 0 && out->bytes[out->length - 1] == '"';
}

bool escape_append(struct buffer *out, enum escape escape, const char *text, size_t length)
{
    size_t start = out->length;
    switch (escape) {
    case ESCAPE_C:
        /* Only a string literal's contents can be broken over lines; a value
         * elsewhere (an identifier, a number) is left whole. */
        if (!opens_string(out))
            return escape_runs(out, text, length, c_special, c_write);
        return escape_runs(out, text, length, c_special, c_write) &&
               wrap_value(out, WRAP_STRING, start);
    case ESCAPE_COMMENT:
        return escape_runs(out, text, length, comment_special, comment_write) &&
               wrap_value(out, WRAP_COMMENT, start);
    case ESCAPE_MD:
        return append_md(out, text, length);
    case ESCAPE_JSON:
        return json_text_append_string(out, text, length);
    case ESCAPE_CHARS:
        return append_chars(out, text, length) && wrap_value(out, WRAP_CHARS, start);
    case ESCAPE_HTML:
        return escape_runs(out, text, length, html_special, html_write);
    case ESCAPE_SCRIPT:
        return append_script(out, text, length);
    case ESCAPE_PYTHON:
        return literal_append(out, LITERAL_PYTHON, text, length);
    case ESCAPE_JS:
        return literal_append(out, LITERAL_JS, text, length);
    case ESCAPE_RUST:
        return literal_append(out, LITERAL_RUST, text, length);
    case ESCAPE_GO:
        return literal_append(out, LITERAL_GO, text, length);
    case ESCAPE_NONE:
        break;
    }
    return buffer_append(out, text, length);
}
