/* template_parse.c: template text into a tree of nodes. Parsing goes on
 * after an error, so that one run reports all of a template's errors. */
#include "template_parse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DELIMITER 8 /* bytes of a delimiter set by {{=<% %>=}} */

struct parser {
    struct template *template;
    struct diags *diags;
    char opener[MAX_DELIMITER + 1], closer[MAX_DELIMITER + 1]; /* "{{" and "}}" */
    struct node *open[MAX_TEMPLATE_DEPTH + 1];                 /* open[0] is the root */
    int depth;
    bool failed;  /* an error was reported: the template is not used */
    bool stopped; /* nothing after this point can be parsed */
};

struct tag {
    char sigil;       /* '#', '^', '/', '!', '&', '>', '=', '{' (triple) or 0 */
    size_t open, end; /* offsets of the opener and just past the closer */
    const char *content;
    size_t content_length;
};

static void parse_error(struct parser *parser, size_t offset, const char *format, const char *arg)
{
    struct mark at = source_mark_at(&parser->template->source, offset);
    diag_add(parser->diags, parser->template->source.path, at, format, arg);
    parser->failed = true;
}

static struct node *add_child(struct parser *parser, struct node *node)
{
    struct node *parent = parser->open[parser->depth];
    if (parent->count == parent->capacity) {
        size_t capacity = parent->capacity ? parent->capacity * 2 : 8;
        struct node *children = realloc(parent->children, capacity * sizeof *children);
        if (!children) {
            parser->failed = parser->stopped = true;
            return NULL;
        }
        parent->children = children;
        parent->capacity = capacity;
    }
    parent->children[parent->count] = *node;
    return &parent->children[parent->count++];
}

static void add_text(struct parser *parser, size_t from, size_t to)
{
    if (to <= from)
        return;
    struct node text = {
        .kind = NODE_TEXT, .text = parser->template->source.bytes + from, .length = to - from};
    add_child(parser, &text);
}

static bool is_blank(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
            return false;
    return true;
}

static void trim(const char **text, size_t *length)
{
    while (*length && (**text == ' ' || **text == '\t')) {
        (*text)++;
        (*length)--;
    }
    while (*length && ((*text)[*length - 1] == ' ' || (*text)[*length - 1] == '\t'))
        (*length)--;
}

/* Finds the next tag at or after FROM; false when there is none. A triple
 * tag closes with '}' before the closer, a delimiter change with '='. */
static bool scan_tag(struct parser *parser, size_t from, struct tag *tag)
{
    const char *text = parser->template->source.bytes;
    const char *open = strstr(text + from, parser->opener);
    if (!open)
        return false;
    tag->open = (size_t)(open - text);
    const char *after = open + strlen(parser->opener);
    tag->sigil = *after && strchr("#^/!&>={", *after) ? *after : 0;
    const char *content = after + (tag->sigil ? 1 : 0);
    char closer[MAX_DELIMITER + 2];
    snprintf(closer, sizeof closer, "%s%s",
             tag->sigil == '{'   ? "}"
             : tag->sigil == '=' ? "="
                                 : "",
             parser->closer);
    const char *close = strstr(content, closer);
    if (!close) {
        parse_error(parser, tag->open, "unterminated tag '%s'", parser->opener);
        parser->stopped = true;
        return false;
    }
    tag->content = content;
    tag->content_length = (size_t)(close - content);
    tag->end = (size_t)(close - text) + strlen(closer);
    if (tag->sigil != '!')
        trim(&tag->content, &tag->content_length);
    return true;
}

static bool is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '@';
}

/* One filter of a value tag, FILTER (trimmed), applied to VALUE: case
 * conversions first, in order, then at most one escape, last. */
static bool add_filter(struct parser *parser, const struct tag *tag, struct node *value,
                       const char *filter, size_t length, bool last)
{
    char *name = strndup(filter, length);
    enum case_filter conversion;
    bool ok = name != NULL;
    if (!ok) {
        parser->failed = parser->stopped = true;
    } else if (length == 0) {
        parse_error(parser, tag->open, "%s", "a '|' with no filter after it");
        ok = false;
    } else if (case_from_name(filter, length, &conversion)) {
        ok = value->case_count < MAX_CASE_FILTERS;
        if (ok)
            value->cases[value->case_count++] = conversion;
        else
            parse_error(parser, tag->open, "more than %s case conversions in one tag", "4");
    } else if (!(value->own_escape = escape_from_name(filter, length, &value->escape))) {
        char message[512];
        snprintf(message, sizeof message,
                 "unknown filter '%%s' (expected a case conversion: %s; or an escape: %s)",
                 case_names(), escape_names());
        parse_error(parser, tag->open, message, name);
        ok = false;
    } else if (tag->sigil == '{' || tag->sigil == '&') {
        parse_error(parser, tag->open, "'%s' is an escape, and this tag writes its value unescaped",
                    name);
        ok = false;
    } else if (!last) {
        parse_error(parser, tag->open, "the escape '%s' must be the tag's last filter", name);
        ok = false;
    }
    free(name);
    return ok;
}

/* The filters after the name, from the first '|' to END: "| pascal | rust". */
static bool add_filters(struct parser *parser, const struct tag *tag, struct node *value,
                        const char *filters, const char *end)
{
    while (filters < end) {
        const char *filter = filters + 1;
        const char *bar = memchr(filter, '|', (size_t)(end - filter));
        const char *stop = bar ? bar : end;
        size_t filter_length = (size_t)(stop - filter);
        trim(&filter, &filter_length);
        if (!add_filter(parser, tag, value, filter, filter_length, bar == NULL))
            return false;
        filters = stop;
    }
    return true;
}

/* The name of TAG; for a value (VALUE not NULL), its filters and escape. */
static char *tag_name(struct parser *parser, const struct tag *tag, struct node *value)
{
    const char *name = tag->content;
    size_t length = tag->content_length;
    const char *bar = memchr(name, '|', length);
    if (bar && !value) /* still the name before it, so that its close matches */
        parse_error(parser, tag->open, "%s", "a section tag takes no filter");
    if (value && (tag->sigil == '{' || tag->sigil == '&')) {
        value->escape = ESCAPE_NONE;
        value->own_escape = true;
    }
    if (bar) {
        if (value && !add_filters(parser, tag, value, bar, name + length))
            return NULL;
        length = (size_t)(bar - name);
        trim(&name, &length);
    }
    bool valid = length > 0;
    for (size_t i = 0; i < length; i++)
        valid = valid && is_name_char(name[i]);
    char *copy = valid ? strndup(name, length) : NULL;
    if (!copy)
        parse_error(parser, tag->open, "%s",
                    "a tag needs a name of letters, digits, '_', '.' or '@'");
    return copy;
}

/* "a.b.c" -> {"a", "b", "c"}, so that rendering never splits names. "." and
 * the @ names stay whole. */
static bool split_name(struct node *node)
{
    const char *name = node->name;
    size_t count = 1;
    if (strcmp(name, ".") != 0 && name[0] != '@')
        for (const char *c = name; *c; c++)
            count += *c == '.';
    node->segments = calloc(count, sizeof *node->segments);
    node->segment_lengths = calloc(count, sizeof *node->segment_lengths);
    if (!node->segments || !node->segment_lengths)
        return false;
    for (const char *start = name; node->segment_count < count;) {
        size_t length = count == 1 ? strlen(start) : strcspn(start, ".");
        if (!(node->segments[node->segment_count] = strndup(start, length)))
            return false;
        node->segment_lengths[node->segment_count++] = length;
        start += length + 1;
    }
    return true;
}

/* A section's name; after an error in it, the tag's text as it is, so that
 * its closing tag still matches and parsing goes on. */
static char *section_name(struct parser *parser, const struct tag *tag)
{
    char *name = tag_name(parser, tag, NULL);
    if (!name)
        name = strndup(tag->content, tag->content_length);
    if (!name)
        parser->failed = parser->stopped = true;
    return name;
}

static void open_section(struct parser *parser, const struct tag *tag, bool alone)
{
    struct node section = {.kind = tag->sigil == '#' ? NODE_SECTION : NODE_INVERTED,
                           .offset = tag->open,
                           .standalone = alone};
    section.name = section_name(parser, tag);
    if (!section.name)
        return;
    if (!split_name(&section)) {
        template_free_nodes(&section);
        parser->failed = parser->stopped = true;
        return;
    }
    if (parser->depth == MAX_TEMPLATE_DEPTH) {
        template_free_nodes(&section);
        parse_error(parser, tag->open, "sections are nested deeper than %s levels", "32");
        parser->stopped = true;
        return;
    }
    struct node *added = add_child(parser, &section);
    if (added)
        parser->open[++parser->depth] = added;
}

/* After a closing tag that does not close the innermost section: back to
 * the section it does close, if one is open. */
static void close_outer(struct parser *parser, const char *name)
{
    for (int depth = parser->depth - 1; depth > 0; depth--)
        if (strcmp(parser->open[depth]->name, name) == 0) {
            parser->depth = depth - 1;
            return;
        }
}

static void close_section(struct parser *parser, const struct tag *tag)
{
    char *name = section_name(parser, tag);
    if (!name)
        return;
    struct node *open = parser->open[parser->depth];
    if (parser->depth == 0) {
        parse_error(parser, tag->open, "'{{/%s}}' closes no section", name);
    } else if (strcmp(open->name, name) != 0) {
        /* Both names are the template's text: never part of a format. */
        char message[512];
        struct mark at = source_mark_at(&parser->template->source, open->offset);
        snprintf(message, sizeof message, "'{{/%s}}' does not close '{{%c%s}}' (opened at %d:%d)",
                 name, open->kind == NODE_SECTION ? '#' : '^', open->name, at.line, at.col);
        parse_error(parser, tag->open, "%s", message);
        close_outer(parser, name);
    } else {
        parser->depth--;
    }
    free(name);
}

static void add_value(struct parser *parser, const struct tag *tag)
{
    struct node value = {.kind = NODE_VALUE, .offset = tag->open};
    value.name = tag_name(parser, tag, &value);
    if (!value.name)
        return;
    if (!split_name(&value) || !add_child(parser, &value)) {
        template_free_nodes(&value);
        parser->failed = parser->stopped = true;
    }
}

static bool is_partial_name(const char *name, size_t length)
{
    bool valid = length > 0;
    for (size_t i = 0; i < length; i++)
        valid =
            valid && (is_name_char(name[i]) || name[i] == '-') && name[i] != '.' && name[i] != '@';
    return valid;
}

/* {{> name}}; INDENT is the blanks before a tag alone on its line, else
 * NULL. */
static void add_partial(struct parser *parser, const struct tag *tag, const char *indent,
                        size_t indent_length)
{
    if (!is_partial_name(tag->content, tag->content_length)) {
        parse_error(parser, tag->open, "%s",
                    "a partial's name is letters, digits, '_' or '-' (NAME.partial)");
        return;
    }
    struct node partial = {.kind = NODE_PARTIAL, .offset = tag->open, .standalone = indent != NULL};
    partial.name = strndup(tag->content, tag->content_length);
    if (indent)
        partial.indent = strndup(indent, indent_length);
    if (!partial.name || (indent && !partial.indent) || !add_child(parser, &partial)) {
        template_free_nodes(&partial);
        parser->failed = parser->stopped = true;
    }
}

static bool is_delimiter(const char *text, size_t length)
{
    bool valid = length > 0 && length <= MAX_DELIMITER;
    for (size_t i = 0; i < length; i++)
        valid = valid && text[i] != '=' && text[i] != ' ' && text[i] != '\t' && text[i] != '\r' &&
                text[i] != '\n';
    return valid;
}

/* {{=<% %>=}}: the opener and the closer, separated by blanks. */
static void set_delimiters(struct parser *parser, const struct tag *tag)
{
    const char *opener = tag->content, *end = tag->content + tag->content_length;
    const char *closer = opener;
    while (closer < end && *closer != ' ' && *closer != '\t')
        closer++;
    size_t opener_length = (size_t)(closer - opener);
    while (closer < end && (*closer == ' ' || *closer == '\t'))
        closer++;
    size_t closer_length = (size_t)(end - closer);
    if (!is_delimiter(opener, opener_length) || !is_delimiter(closer, closer_length)) {
        char message[256];
        snprintf(message, sizeof message,
                 "a delimiter change is '%s=OPEN CLOSE=%s': two delimiters of 1 to 8 characters, "
                 "with no '=' or blank in them",
                 parser->opener, parser->closer);
        parse_error(parser, tag->open, "%s", message);
        return;
    }
    memcpy(parser->opener, opener, opener_length);
    parser->opener[opener_length] = '\0';
    memcpy(parser->closer, closer, closer_length);
    parser->closer[closer_length] = '\0';
}

/* A section, closing tag, comment, partial or delimiter change alone on its
 * line takes the line. */
static bool standalone(const struct parser *parser, const struct tag *tag, size_t *line_start,
                       size_t *next)
{
    if (!tag->sigil || !strchr("#^/!>=", tag->sigil))
        return false;
    const char *text = parser->template->source.bytes;
    size_t length = parser->template->source.length;
    size_t start = tag->open;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    const char *newline = memchr(text + tag->end, '\n', length - tag->end);
    size_t end = newline ? (size_t)(newline - text) : length;
    if (!is_blank(text, start, tag->open) || !is_blank(text, tag->end, end))
        return false;
    *line_start = start;
    *next = newline ? end + 1 : end;
    return true;
}

static void parse_tags(struct parser *parser)
{
    size_t position = 0;
    struct tag tag;
    while (!parser->stopped && scan_tag(parser, position, &tag)) {
        size_t text_end = tag.open, next = tag.end;
        size_t line_start = tag.open;
        bool alone = standalone(parser, &tag, &line_start, &next) && line_start >= position;
        if (alone)
            text_end = line_start;
        else
            next = tag.end;
        add_text(parser, position, text_end);
        if (tag.sigil == '#' || tag.sigil == '^')
            open_section(parser, &tag, alone);
        else if (tag.sigil == '/')
            close_section(parser, &tag);
        else if (tag.sigil == '>')
            add_partial(parser, &tag, alone ? parser->template->source.bytes + line_start : NULL,
                        tag.open - line_start);
        else if (tag.sigil == '=')
            set_delimiters(parser, &tag);
        else if (tag.sigil != '!')
            add_value(parser, &tag);
        position = next;
    }
    if (!parser->stopped)
        add_text(parser, position, parser->template->source.length);
}

struct template *template_parse(const char *path, const char *text, size_t length,
                                struct diags *diags)
{
    struct template *template = calloc(1, sizeof *template);
    char *bytes = malloc(length + 1);
    char *path_copy = strdup(path);
    if (!template || !bytes || !path_copy) {
        free(template);
        free(bytes);
        free(path_copy);
        return NULL;
    }
    memcpy(bytes, text, length);
    bytes[length] = '\0';
    template->source = (struct source){path_copy, bytes, length};
    if (memchr(bytes, '\0', length)) {
        diag_add(diags, path, (struct mark){0, 0}, "a template must not contain NUL bytes");
        template_free(template);
        return NULL;
    }
    struct parser parser = {.template = template, .diags = diags, .opener = "{{", .closer = "}}"};
    parser.open[0] = &template->root;
    parse_tags(&parser);
    if (!parser.stopped && parser.depth > 0) {
        struct node *open = parser.open[parser.depth];
        diag_add(diags, path, source_mark_at(&template->source, open->offset),
                 "section '%s' is never closed", open->name);
        parser.failed = true;
    }
    if (parser.failed) {
        template_free(template);
        return NULL;
    }
    return template;
}
