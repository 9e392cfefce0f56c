/* template_check.c: a template's names against the shape of the model. */
#include "template_check.h"
#include "buffer.h"
#include "model_shape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sections in sections, across partials in partials (as the renderer). */
#define MAX_CHECK_FRAMES (4 * MAX_TEMPLATE_DEPTH)

/* What a section sees, as the renderer's frames, but shapes for values. */
struct check_frame {
    const json_t *shape;        /* NULL: not known (anything) */
    bool list_item;             /* a section over a list: @index... hold */
    const struct node *section; /* that made it, and so tests its name */
    int found_at;               /* the frame where SECTION's name was found */
};

struct checker {
    const json_t *root;              /* the whole shape */
    json_t *item_test;               /* the shape of @first and @last: a boolean's */
    const struct template *template; /* whose nodes are checked: a partial's, inside it */
    struct check_frame frames[MAX_CHECK_FRAMES + 1];
    int depth;
    const struct template *partials[MAX_TEMPLATE_DEPTH]; /* being checked, innermost last */
    int partial_depth;
    struct diags found; /* each error once */
};

/* Where a name was found: its value's shape, the frame, and whether some
 * key on its path may be absent (the last such segment). */
struct resolution {
    const json_t *shape;
    int frame;
    bool known;          /* false: a frame of unknown shape took it */
    size_t optional_end; /* segments up to the last optional one; 0: none */
};

static void check_error(struct checker *checker, const struct node *node, const char *message)
{
    const char *path = checker->template->source.path;
    struct mark at = template_mark(checker->template, node->offset);
    for (size_t i = 0; i < checker->found.count; i++) {
        const struct diag *seen = &checker->found.items[i];
        if (seen->at.line == at.line && seen->at.col == at.col && strcmp(seen->file, path) == 0 &&
            strcmp(seen->text, message) == 0)
            return;
    }
    diag_add(&checker->found, path, at, "%s", message);
}

/* "name, description, _upper, _shift": the keys of an object's shape. */
static void append_keys(struct buffer *out, const json_t *shape)
{
    const char *key;
    const json_t *value;
    bool first = true;
    json_object_foreach ((json_t *)json_object_get(shape, "properties"), key, value) {
        (void)value;
        buffer_append_string(out, first ? "" : ", ");
        buffer_append_string(out, key);
        first = false;
    }
}

/* "no 'nmae' in a flag (known: name, description, ...)". */
static void unknown_key(struct checker *checker, const struct node *node, const char *key,
                        const json_t *shape)
{
    struct buffer message = {0};
    const char *title = json_string_value(json_object_get(shape, "title"));
    buffer_append_string(&message, "no '");
    buffer_append_string(&message, key);
    buffer_append_string(&message, "' in ");
    buffer_append_string(&message, title ? title : "this value");
    buffer_append_string(&message, " (known: ");
    append_keys(&message, shape);
    if (buffer_append_string(&message, ")") && buffer_append(&message, "", 1))
        check_error(checker, node, message.bytes);
    buffer_free(&message);
}

/* The innermost frame whose shape is an object's: for messages. */
static const json_t *innermost_object(const struct checker *checker)
{
    for (int depth = checker->depth; depth >= 0; depth--) {
        const char *type = model_shape_type(checker->frames[depth].shape);
        if (type && strcmp(type, "object") == 0)
            return checker->frames[depth].shape;
    }
    return checker->root;
}

/* NODE's first segment, by the renderer's rule (template_render.c). */
static bool resolve_first(struct checker *checker, const struct node *node,
                          struct resolution *found)
{
    for (int depth = checker->depth; depth >= 0; depth--) {
        const json_t *shape = checker->frames[depth].shape;
        bool optional = false;
        if (!shape) {
            *found = (struct resolution){.frame = depth};
            return true;
        }
        found->shape = model_shape_key(checker->root, shape, node->segments[0],
                                       node->segment_lengths[0], &optional);
        if (found->shape) {
            found->frame = depth;
            found->known = true;
            found->optional_end = optional ? 1 : 0;
            return true;
        }
    }
    unknown_key(checker, node, node->segments[0], innermost_object(checker));
    return false;
}

/* NODE's name, segment by segment; false after an error. */
static bool resolve(struct checker *checker, const struct node *node, struct resolution *found)
{
    if (!resolve_first(checker, node, found))
        return false;
    for (size_t i = 1; found->known && i < node->segment_count; i++) {
        const json_t *outer = found->shape;
        bool optional = false;
        if (!model_shape_type(outer)) { /* anything: not known further */
            found->known = false;
            break;
        }
        found->shape = model_shape_key(checker->root, outer, node->segments[i],
                                       node->segment_lengths[i], &optional);
        if (!found->shape) {
            unknown_key(checker, node, node->segments[i], outer);
            return false;
        }
        if (optional)
            found->optional_end = i + 1;
    }
    return true;
}

static bool same_segments(const struct node *left, const struct node *right, size_t count)
{
    if (left->segment_count != count)
        return false;
    for (size_t i = 0; i < count; i++)
        if (strcmp(left->segments[i], right->segments[i]) != 0)
            return false;
    return true;
}

/* Whether an enclosing section tests NODE's name up to its last optional
 * segment, found in the same frame: then the value is there. */
static bool is_guarded(const struct checker *checker, const struct node *node,
                       const struct resolution *found)
{
    for (int depth = checker->depth; depth > found->frame; depth--) {
        const struct check_frame *frame = &checker->frames[depth];
        if (frame->found_at == found->frame &&
            same_segments(frame->section, node, found->optional_end))
            return true;
    }
    return false;
}

static bool in_list_item(const struct checker *checker)
{
    for (int depth = checker->depth; depth > 0; depth--)
        if (checker->frames[depth].list_item)
            return true;
    return false;
}

/* @index, @first, @last, @json and "."; false when NODE is none of them. */
static bool check_builtin(struct checker *checker, const struct node *node)
{
    const char *name = node->name;
    if (strcmp(name, "@json") == 0 || strcmp(name, ".") == 0)
        return true;
    if (name[0] != '@')
        return false;
    char message[512];
    snprintf(message, sizeof message,
             "unknown name '%s' (the @ names are @index, @first, @last, @json)", name);
    if (strcmp(name, "@index") != 0 && strcmp(name, "@first") != 0 && strcmp(name, "@last") != 0)
        check_error(checker, node, message);
    else if (!in_list_item(checker))
        check_error(checker, node,
                    "@index, @first and @last describe a list's item: use them "
                    "inside a section over a list");
    return true;
}

static void check_value(struct checker *checker, const struct node *node)
{
    struct resolution found;
    if (check_builtin(checker, node) || !resolve(checker, node, &found) || !found.known)
        return;
    const char *type = model_shape_type(found.shape);
    char message[512];
    if (type && (strcmp(type, "object") == 0 || strcmp(type, "array") == 0)) {
        snprintf(message, sizeof message, "'%s' is a %s: use it as a section", node->name,
                 strcmp(type, "object") == 0 ? "mapping" : "list");
        check_error(checker, node, message);
    } else if (found.optional_end && !is_guarded(checker, node, &found)) {
        int prefix = (int)found.optional_end - 1; /* its dots */
        for (size_t i = 0; i < found.optional_end; i++)
            prefix += (int)node->segment_lengths[i];
        snprintf(message, sizeof message,
                 "'%s' may be absent: use it inside a section that tests it, "
                 "{{#%.*s}}...{{/%.*s}}",
                 node->name, prefix, node->name, prefix, node->name);
        check_error(checker, node, message);
    }
}

static void check_nodes(struct checker *checker, const struct node *nodes, size_t count);

static void check_section(struct checker *checker, const struct node *section)
{
    struct resolution found = {0};
    bool builtin = section->name[0] == '@' || strcmp(section->name, ".") == 0;
    if (builtin) {
        check_builtin(checker, section);
        /* Inside {{#@first}}, names are found further out, as at runtime. */
        found = (struct resolution){.frame = checker->depth,
                                    .shape = strcmp(section->name, ".") == 0
                                                 ? checker->frames[checker->depth].shape
                                                 : checker->item_test};
    } else if (!resolve(checker, section, &found)) {
        found = (struct resolution){.frame = checker->depth}; /* go on, unknown */
    }
    if (section->kind == NODE_INVERTED) {
        check_nodes(checker, section->children, section->count);
        return;
    }
    if (checker->depth == MAX_CHECK_FRAMES)
        return; /* the renderer reports it */
    const char *type = model_shape_type(found.shape);
    bool list = type && strcmp(type, "array") == 0;
    checker->frames[++checker->depth] = (struct check_frame){
        .shape = found.shape ? model_shape_inside(checker->root, found.shape) : NULL,
        .list_item = list,
        .section = section,
        .found_at = builtin ? -1 : found.frame,
    };
    check_nodes(checker, section->children, section->count);
    checker->depth--;
}

/* A partial where it is used, once on the way in: one that includes itself
 * is not checked again inside itself. */
static void check_partial(struct checker *checker, const struct node *node)
{
    if (!node->partial || checker->partial_depth == MAX_TEMPLATE_DEPTH)
        return;
    for (int i = 0; i < checker->partial_depth; i++)
        if (checker->partials[i] == node->partial)
            return;
    const struct template *outer = checker->template;
    checker->partials[checker->partial_depth++] = node->partial;
    checker->template = node->partial;
    check_nodes(checker, node->partial->root.children, node->partial->root.count);
    checker->template = outer;
    checker->partial_depth--;
}

static void check_nodes(struct checker *checker, const struct node *nodes, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const struct node *node = &nodes[i];
        if (node->kind == NODE_VALUE)
            check_value(checker, node);
        else if (node->kind == NODE_SECTION || node->kind == NODE_INVERTED)
            check_section(checker, node);
        else if (node->kind == NODE_PARTIAL)
            check_partial(checker, node);
    }
}

bool template_check(const struct template *template, const json_t *shape, struct diags *diags)
{
    struct checker checker = {
        .root = shape, .item_test = json_pack("{ss}", "type", "boolean"), .template = template};
    checker.frames[0] = (struct check_frame){.shape = shape, .found_at = -1};
    check_nodes(&checker, template->root.children, template->root.count);
    bool ok = checker.found.count == 0;
    json_decref(checker.item_test);
    diags_append(diags, &checker.found);
    return ok;
}
