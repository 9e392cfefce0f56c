/* template.c: parsing templates into a tree and rendering it from the model. */
#include "template.h"
#include "case.h"
#include "json_text.h"
#include "source.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum node_kind { NODE_TEXT, NODE_VALUE, NODE_SECTION, NODE_INVERTED };

#define MAX_CASE_FILTERS 4 /* {{name | snake | upper}}: more would say nothing new */

struct node {
    enum node_kind kind;
    size_t offset;    /* of the tag, in the template: its place, for errors */
    const char *text; /* NODE_TEXT: a slice of the template's source */
    size_t length;
    char *name;              /* the other kinds */
    char **segments;         /* NAME split at '.', once, at parse time */
    size_t *segment_lengths; /* so that a lookup needs no strlen */
    size_t segment_count;
    enum escape escape;
    enum case_filter cases[MAX_CASE_FILTERS]; /* NODE_VALUE: applied in order */
    size_t case_count;
    struct node *children; /* sections */
    size_t count, capacity;
};

struct template
{
    struct source source; /* path and bytes, for marks */
    struct node root;
};

/* ---- parsing ---------------------------------------------------------- */

struct parser {
    struct template *template;
    struct diags *diags;
    enum escape default_escape;
    struct node *open[MAX_TEMPLATE_DEPTH + 1]; /* open[0] is the root */
    int depth;
    bool failed;  /* an error was reported: the template is not used */
    bool stopped; /* nothing after this point can be parsed */
};

struct tag {
    char sigil;       /* '#', '^', '/', '!', '&', '{' (triple) or 0 */
    size_t open, end; /* offsets of "{{" and just past the closing braces */
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

/* Finds the next tag at or after FROM; false when there is none. */
static bool scan_tag(struct parser *parser, size_t from, struct tag *tag)
{
    const char *text = parser->template->source.bytes;
    const char *open = strstr(text + from, "{{");
    if (!open)
        return false;
    tag->open = (size_t)(open - text);
    bool triple = open[2] == '{';
    tag->sigil = triple ? '{' : strchr("#^/!&", open[2]) && open[2] ? open[2] : 0;
    const char *content = open + 2 + (tag->sigil ? 1 : 0);
    const char *close = strstr(content, triple ? "}}}" : "}}");
    if (!close) {
        parse_error(parser, tag->open, "unterminated tag '%s'", "{{");
        parser->stopped = true;
        return false;
    }
    tag->content = content;
    tag->content_length = (size_t)(close - content);
    tag->end = (size_t)(close - text) + (triple ? 3 : 2);
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
    } else if (!escape_from_name(filter, length, &value->escape)) {
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
    if (value)
        value->escape =
            tag->sigil == '{' || tag->sigil == '&' ? ESCAPE_NONE : parser->default_escape;
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

static void free_nodes(struct node *node)
{
    for (size_t i = 0; i < node->count; i++)
        free_nodes(&node->children[i]);
    for (size_t i = 0; i < node->segment_count; i++)
        free(node->segments[i]);
    free(node->segments);
    free(node->segment_lengths);
    free(node->children);
    free(node->name);
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

static void open_section(struct parser *parser, const struct tag *tag)
{
    struct node section = {.kind = tag->sigil == '#' ? NODE_SECTION : NODE_INVERTED,
                           .offset = tag->open};
    section.name = section_name(parser, tag);
    if (!section.name)
        return;
    if (!split_name(&section)) {
        free_nodes(&section);
        parser->failed = parser->stopped = true;
        return;
    }
    if (parser->depth == MAX_TEMPLATE_DEPTH) {
        free_nodes(&section);
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
        char message[256];
        struct mark at = source_mark_at(&parser->template->source, open->offset);
        snprintf(message, sizeof message, "'{{/%%s}}' does not close '{{%c%s}}' (opened at %d:%d)",
                 open->kind == NODE_SECTION ? '#' : '^', open->name, at.line, at.col);
        parse_error(parser, tag->open, message, name);
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
        free_nodes(&value);
        parser->failed = parser->stopped = true;
    }
}

/* A section, closing tag or comment alone on its line takes the line. */
static bool standalone(const struct parser *parser, const struct tag *tag, size_t *line_start,
                       size_t *next)
{
    if (tag->sigil != '#' && tag->sigil != '^' && tag->sigil != '/' && tag->sigil != '!')
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
        size_t line_start;
        if (standalone(parser, &tag, &line_start, &next) && line_start >= position)
            text_end = line_start;
        else
            next = tag.end;
        add_text(parser, position, text_end);
        if (tag.sigil == '#' || tag.sigil == '^')
            open_section(parser, &tag);
        else if (tag.sigil == '/')
            close_section(parser, &tag);
        else if (tag.sigil == 0 && tag.content_length && strchr(">=", tag.content[0]))
            parse_error(parser, tag.open,
                        "'{{%s...}}': partials and set delimiters are not part "
                        "of regen's template language yet",
                        tag.content[0] == '=' ? "=" : ">");
        else if (tag.sigil != '!')
            add_value(parser, &tag);
        position = next;
    }
    if (!parser->stopped)
        add_text(parser, position, parser->template->source.length);
}

void template_free(struct template *template)
{
    if (!template)
        return;
    free_nodes(&template->root);
    source_free(&template->source);
    free((char *)template->source.path);
    free(template);
}

struct template *template_parse(const char *path, const char *text, size_t length,
                                enum escape default_escape, struct diags *diags)
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
    struct parser parser = {.template = template, .diags = diags, .default_escape = default_escape};
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

/* ---- rendering -------------------------------------------------------- */

struct frame {
    const json_t *value;
    size_t index, count; /* count 0: not a list item */
};

struct renderer {
    const struct template *template;
    struct diags *diags;
    struct buffer *out;
    struct frame frames[MAX_TEMPLATE_DEPTH + 2];
    int depth;
    json_t *scratch; /* a value made for one lookup (@index, @json) */
};

static void render_error(struct renderer *renderer, const struct node *node, const char *format)
{
    const struct source *source = &renderer->template->source;
    diag_add(renderer->diags, source->path, source_mark_at(source, node->offset), format,
             node->name);
}

static json_t *keep(struct renderer *renderer, json_t *value)
{
    json_decref(renderer->scratch);
    renderer->scratch = value;
    return value;
}

static json_t *builtin(struct renderer *renderer, const char *name)
{
    const struct frame *top = &renderer->frames[renderer->depth];
    if (strcmp(name, "@json") == 0) {
        struct buffer text = {0};
        json_t *string = json_text_append(&text, top->value) && text.bytes
                             ? json_stringn(text.bytes, text.length)
                             : NULL;
        buffer_free(&text);
        return keep(renderer, string);
    }
    const struct frame *item = NULL; /* the innermost list item */
    for (int depth = renderer->depth; depth >= 0 && !item; depth--)
        if (renderer->frames[depth].count)
            item = &renderer->frames[depth];
    if (!item)
        return NULL;
    if (strcmp(name, "@index") == 0)
        return keep(renderer, json_integer((json_int_t)item->index));
    if (strcmp(name, "@first") == 0)
        return item->index == 0 ? json_true() : json_false();
    if (strcmp(name, "@last") == 0)
        return item->index + 1 == item->count ? json_true() : json_false();
    return NULL;
}

/* NODE's name from the innermost frame outwards; "a.b" descends; "." is the
 * top frame's value. */
static const json_t *lookup(struct renderer *renderer, const struct node *node)
{
    const char *first = node->segments[0];
    if (first[0] == '.' && first[1] == '\0')
        return renderer->frames[renderer->depth].value;
    if (first[0] == '@')
        return builtin(renderer, first);
    const json_t *value = NULL;
    for (int depth = renderer->depth; depth >= 0 && !value; depth--)
        value = json_object_getn(renderer->frames[depth].value, first, node->segment_lengths[0]);
    for (size_t i = 1; value && i < node->segment_count; i++)
        value = json_object_getn(value, node->segments[i], node->segment_lengths[i]);
    return value;
}

static bool is_truthy(const json_t *value)
{
    switch (json_typeof(value)) {
    case JSON_ARRAY:
        return json_array_size(value) > 0;
    case JSON_STRING:
        return json_string_length(value) > 0;
    case JSON_INTEGER:
        return json_integer_value(value) != 0;
    case JSON_REAL:
        return json_real_value(value) != 0.0;
    case JSON_OBJECT:
    case JSON_TRUE:
        return true;
    default:
        return false;
    }
}

/* VALUE as text, through NODE's case conversions, then its escape. */
static bool render_converted(struct renderer *renderer, const struct node *node,
                             const json_t *value)
{
    struct buffer text = {0}, converted = {0};
    bool ok = json_is_string(value)
                  ? buffer_append(&text, json_string_value(value), json_string_length(value))
              : json_is_integer(value)
                  ? buffer_append_integer(&text, (long long)json_integer_value(value))
                  : buffer_append_string(&text, json_is_true(value) ? "true" : "false");
    for (size_t i = 0; ok && i < node->case_count; i++) {
        converted.length = 0;
        ok = case_append(&converted, node->cases[i], text.bytes ? text.bytes : "", text.length);
        struct buffer swap = text;
        text = converted;
        converted = swap;
    }
    ok =
        ok && escape_append(renderer->out, node->escape, text.bytes ? text.bytes : "", text.length);
    buffer_free(&text);
    buffer_free(&converted);
    return ok;
}

static bool render_value(struct renderer *renderer, const struct node *node)
{
    /* {{{@json}}}: dumped straight into the output, never held as one string. */
    if (node->escape == ESCAPE_NONE && strcmp(node->name, "@json") == 0)
        return json_text_append(renderer->out, renderer->frames[renderer->depth].value);
    const json_t *value = lookup(renderer, node);
    if (node->case_count && value &&
        (json_is_string(value) || json_is_integer(value) || json_is_boolean(value)))
        return render_converted(renderer, node, value);
    switch (value ? json_typeof(value) : JSON_NULL) {
    case JSON_STRING:
        return escape_append(renderer->out, node->escape, json_string_value(value),
                             json_string_length(value));
    case JSON_INTEGER:
        return buffer_append_integer(renderer->out, (long long)json_integer_value(value));
    case JSON_TRUE:
    case JSON_FALSE:
        return buffer_append_string(renderer->out, json_is_true(value) ? "true" : "false");
    case JSON_OBJECT:
    case JSON_ARRAY:
        render_error(renderer, node, "'%s' is a mapping or list: use it as a section");
        return false;
    default:
        render_error(renderer, node,
                     value ? "'%s' is null or not text" : "unknown name '%s' (not in the model)");
        return false;
    }
}

static bool render_nodes(struct renderer *renderer, const struct node *nodes, size_t count);

static bool render_in_frame(struct renderer *renderer, const struct node *section,
                            struct frame frame)
{
    renderer->frames[++renderer->depth] = frame;
    bool ok = render_nodes(renderer, section->children, section->count);
    renderer->depth--;
    return ok;
}

static bool render_section(struct renderer *renderer, const struct node *section)
{
    /* The model is not reference-counted here: several renderers read it at
     * once (render.c) and nothing changes it. Only a value made for this
     * lookup (@index...) is owned, so that a nested lookup cannot free it. */
    json_t *value = (json_t *)lookup(renderer, section);
    json_t *owned = value && value == renderer->scratch ? value : NULL;
    if (owned)
        renderer->scratch = NULL;
    bool truthy = value && is_truthy(value);
    bool ok = true;
    if (section->kind == NODE_INVERTED) {
        if (!truthy)
            ok = render_nodes(renderer, section->children, section->count);
    } else if (truthy && json_is_array(value)) {
        size_t count = json_array_size(value);
        for (size_t i = 0; ok && i < count; i++)
            ok = render_in_frame(
                renderer, section,
                (struct frame){.value = json_array_get(value, i), .index = i, .count = count});
    } else if (truthy) {
        ok = render_in_frame(renderer, section, (struct frame){.value = value});
    }
    json_decref(owned);
    return ok;
}

static bool render_nodes(struct renderer *renderer, const struct node *nodes, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const struct node *node = &nodes[i];
        bool ok = true;
        if (node->kind == NODE_TEXT)
            ok = buffer_append(renderer->out, node->text, node->length);
        else if (node->kind == NODE_VALUE)
            ok = render_value(renderer, node);
        else
            ok = render_section(renderer, node);
        if (!ok)
            return false;
    }
    return true;
}

bool template_render(const struct template *template, const json_t *model, struct buffer *out,
                     struct diags *diags)
{
    struct renderer renderer = {.template = template, .diags = diags, .out = out};
    renderer.frames[0] = (struct frame){model, 0, 0};
    size_t errors_before = diags->count;
    bool ok = render_nodes(&renderer, template->root.children, template->root.count);
    json_decref(renderer.scratch);
    if (!ok && diags->count == errors_before)
        diag_add(diags, template->source.path, (struct mark){0, 0}, "out of memory");
    return ok;
}
