/* template_render.c: a template's tree rendered from the model. */
#include "template_render.h"
#include "json_text.h"
#include "model_shape.h"

#include <stdlib.h>
#include <string.h>

/* Sections in sections, across partials in partials. */
#define MAX_FRAMES (4 * MAX_TEMPLATE_DEPTH)

struct frame {
    const json_t *value;
    const json_t *shape;      /* the value's schema (model_shape.h); NULL: not known */
    const json_t *properties; /* SHAPE's keys, when it is an object's */
    size_t index, count;      /* count 0: not a list item */
};

struct renderer {
    const struct template *template; /* being rendered: a partial's, inside it */
    const json_t *shape;             /* of the whole model, or NULL */
    enum escape escape;              /* the output's */
    struct diags *diags;
    struct buffer *out;
    struct frame frames[MAX_FRAMES + 1];
    int depth;
    int partial_depth;
    struct buffer indent; /* of the standalone partials being rendered */
    json_t *scratch;      /* a value made for one lookup (@index, @json) */
};

/* In a partial alone on its line, each line of the partial's text begins
 * with the tag's indent, as if the partial's source had been indented
 * (values that hold line feeds are not): before a node that begins a line
 * of its source, unless it took its line (standalone). */
static bool put_indent(struct renderer *renderer, const struct node *node)
{
    const char *source = renderer->template->source.bytes;
    size_t offset = node->kind == NODE_TEXT ? (size_t)(node->text - source) : node->offset;
    if (!renderer->indent.length || node->standalone || (offset > 0 && source[offset - 1] != '\n'))
        return true;
    return buffer_append(renderer->out, renderer->indent.bytes, renderer->indent.length);
}

/* A text node; in an indented partial, every line it begins indented. */
static bool put_text(struct renderer *renderer, const struct node *node)
{
    const char *text = node->text;
    size_t length = node->length;
    if (!renderer->indent.length)
        return buffer_append(renderer->out, text, length);
    const char *newline;
    while ((newline = memchr(text, '\n', length)) != NULL && newline + 1 < text + length) {
        size_t line = (size_t)(newline - text) + 1;
        if (!buffer_append(renderer->out, text, line) ||
            !buffer_append(renderer->out, renderer->indent.bytes, renderer->indent.length))
            return false;
        text += line;
        length -= line;
    }
    return buffer_append(renderer->out, text, length);
}

static void render_error(struct renderer *renderer, const struct node *node, const char *format)
{
    diag_add(renderer->diags, renderer->template->source.path,
             template_mark(renderer->template, node->offset), format, node->name);
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

/* The first frame, from the innermost outwards, that holds NAME: one whose
 * shape has the key, present or not (so that an entry's absent origin is
 * never an outer value's), or without a shape, one whose value has it.
 * The template check finds names by the same rule. */
static const json_t *lookup_first(struct renderer *renderer, const char *name, size_t length,
                                  const json_t **shape)
{
    for (int depth = renderer->depth; depth >= 0; depth--) {
        const struct frame *frame = &renderer->frames[depth];
        /* The value first: most names are found where they are, and the
         * shape is asked only when the value lacks the name. */
        const json_t *value = json_object_getn(frame->value, name, length);
        if (value || json_object_getn(frame->properties, name, length)) {
            if (shape && frame->shape)
                *shape = model_shape_key(renderer->shape, frame->shape, name, length, NULL);
            return value;
        }
    }
    return NULL;
}

/* NODE's name from the innermost frame outwards; "a.b" descends; "." is the
 * top frame's value. For a section, *SHAPE is the value's schema, when it
 * is known; a value needs none. */
static const json_t *lookup(struct renderer *renderer, const struct node *node,
                            const json_t **shape)
{
    const struct frame *top = &renderer->frames[renderer->depth];
    const char *first = node->segments[0];
    *shape = NULL;
    if (first[0] == '.' && first[1] == '\0') {
        *shape = top->shape;
        return top->value;
    }
    if (first[0] == '@')
        return builtin(renderer, first);
    bool section = node->kind == NODE_SECTION;
    const json_t *value =
        lookup_first(renderer, first, node->segment_lengths[0], section ? shape : NULL);
    for (size_t i = 1; value && i < node->segment_count; i++) {
        value = json_object_getn(value, node->segments[i], node->segment_lengths[i]);
        if (section && *shape)
            *shape = model_shape_key(renderer->shape, *shape, node->segments[i],
                                     node->segment_lengths[i], NULL);
    }
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
    ok = ok && escape_append(renderer->out, node->own_escape ? node->escape : renderer->escape,
                             text.bytes ? text.bytes : "", text.length);
    buffer_free(&text);
    buffer_free(&converted);
    return ok;
}

static bool render_value(struct renderer *renderer, const struct node *node)
{
    enum escape escape = node->own_escape ? node->escape : renderer->escape;
    /* {{{@json}}}: dumped straight into the output, never held as one string. */
    if (escape == ESCAPE_NONE && strcmp(node->name, "@json") == 0)
        return json_text_append(renderer->out, renderer->frames[renderer->depth].value);
    const json_t *shape;
    const json_t *value = lookup(renderer, node, &shape);
    if (node->case_count && value &&
        (json_is_string(value) || json_is_integer(value) || json_is_boolean(value)))
        return render_converted(renderer, node, value);
    switch (value ? json_typeof(value) : JSON_NULL) {
    case JSON_STRING:
        return escape_append(renderer->out, escape, json_string_value(value),
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
                     value ? "'%s' is null here: use it inside a section that tests it"
                           : "unknown name '%s' (not in the model)");
        return false;
    }
}

static bool render_nodes(struct renderer *renderer, const struct node *nodes, size_t count);

static bool render_in_frame(struct renderer *renderer, const struct node *section,
                            struct frame frame)
{
    if (renderer->depth == MAX_FRAMES) {
        render_error(renderer, section, "sections and partials are nested too deep at '%s'");
        return false;
    }
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
    const json_t *shape;
    json_t *value = (json_t *)lookup(renderer, section, &shape);
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
        const json_t *item_shape = model_shape_inside(renderer->shape, shape);
        const json_t *item_properties = model_shape_properties(item_shape);
        for (size_t i = 0; ok && i < count; i++)
            ok = render_in_frame(renderer, section,
                                 (struct frame){.value = json_array_get(value, i),
                                                .shape = item_shape,
                                                .properties = item_properties,
                                                .index = i,
                                                .count = count});
    } else if (truthy) {
        ok = render_in_frame(renderer, section,
                             (struct frame){.value = value,
                                            .shape = shape,
                                            .properties = model_shape_properties(shape)});
    }
    json_decref(owned);
    return ok;
}

/* A partial, in place, with the names visible here; alone on its line, each
 * of its lines is indented as its tag is. */
static bool render_partial(struct renderer *renderer, const struct node *node)
{
    if (renderer->partial_depth == MAX_TEMPLATE_DEPTH) {
        render_error(renderer, node,
                     "partials are nested deeper than 32 levels at '%s' (one includes itself?)");
        return false;
    }
    const struct template *outer = renderer->template;
    size_t outer_indent = renderer->indent.length;
    bool ok = true;
    if (node->indent)
        ok = buffer_append_string(&renderer->indent, node->indent);
    renderer->template = node->partial;
    renderer->partial_depth++;
    ok = ok && render_nodes(renderer, node->partial->root.children, node->partial->root.count);
    renderer->partial_depth--;
    renderer->template = outer;
    renderer->indent.length = outer_indent;
    return ok;
}

static bool render_nodes(struct renderer *renderer, const struct node *nodes, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const struct node *node = &nodes[i];
        if (!put_indent(renderer, node))
            return false;
        bool ok = true;
        if (node->kind == NODE_TEXT)
            ok = put_text(renderer, node);
        else if (node->kind == NODE_VALUE)
            ok = render_value(renderer, node);
        else if (node->kind == NODE_PARTIAL)
            ok = render_partial(renderer, node);
        else
            ok = render_section(renderer, node);
        if (!ok)
            return false;
    }
    return true;
}

bool template_render(const struct template *template, const json_t *model, const json_t *shape,
                     enum escape escape, struct buffer *out, struct diags *diags)
{
    struct renderer renderer = {
        .template = template, .shape = shape, .escape = escape, .diags = diags, .out = out};
    renderer.frames[0] =
        (struct frame){.value = model, .shape = shape, .properties = model_shape_properties(shape)};
    size_t errors_before = diags->count;
    bool ok = render_nodes(&renderer, template->root.children, template->root.count);
    json_decref(renderer.scratch);
    buffer_free(&renderer.indent);
    if (!ok && diags->count == errors_before)
        diag_add(diags, template->source.path, (struct mark){0, 0}, "out of memory");
    return ok;
}
