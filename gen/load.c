/* load.c: libyaml's event stream turned into a located Jansson tree. */
#include "load.h"

#include <string.h>
#include <yaml.h>

struct loader {
    yaml_parser_t parser;
    const struct source *source;
    struct where_table *where;
    struct diags *diags;
    bool broken; /* a fatal error: the event stream cannot be followed further */
};

static struct mark mark_from_yaml(yaml_mark_t mark)
{
    /* libyaml's marks are zero-based. */
    return (struct mark){(int)mark.line + 1, (int)mark.column + 1};
}

static void error_at(struct loader *loader, struct mark at, const char *format, const char *text)
{
    diag_add(loader->diags, loader->source->path, at, format, text);
}

/* libyaml says what it met; what the writer of a registry most likely did
 * is said after it. */
static const char *hint_for(const char *problem)
{
    static const struct {
        const char *problem, *hint;
    } hints[] = {
        {"mapping values are not allowed",
         "; a ': ' inside an unquoted value begins a mapping: put the value in quotes"},
        {"expected '-' indicator",
         "; each item of a list begins with '- ', and a line indented less than its item "
         "ends the item"},
        {"tab character", "; YAML indents with spaces, never tabs"},
        {"cannot start any token", "; a tab, or a character such as '@' or '`', cannot begin "
                                   "an unquoted value: indent with spaces, or quote the value"},
        {"did not find expected key", "; this line is indented like no key above it"},
        {"could not find expected ':'", "; a key needs ': ' after it"},
    };
    for (size_t i = 0; i < sizeof hints / sizeof *hints; i++)
        if (strstr(problem, hints[i].problem))
            return hints[i].hint;
    return "";
}

static void report_parser_error(struct loader *loader)
{
    const yaml_parser_t *parser = &loader->parser;
    const char *problem = parser->problem ? parser->problem : "cannot parse the file";
    if (parser->error == YAML_READER_ERROR) {
        /* Reader errors carry only a byte offset. */
        struct mark at = source_mark_at(loader->source, parser->problem_offset);
        if (parser->problem_value != -1)
            diag_add(loader->diags, loader->source->path, at, "%s (byte 0x%02X)", problem,
                     (unsigned)parser->problem_value & 0xFFu);
        else
            error_at(loader, at, "%s", problem);
    } else if (parser->error == YAML_MEMORY_ERROR) {
        error_at(loader, (struct mark){0, 0}, "%s", "out of memory while parsing");
    } else if (parser->context && strstr(problem, "end of stream")) {
        /* The file ended inside something (a quoted scalar, a flow list):
         * the place to fix is where that thing started. */
        diag_add(loader->diags, loader->source->path, mark_from_yaml(parser->context_mark),
                 "%s: %s (the file ends first)", parser->context, problem);
    } else if (parser->context) {
        struct mark context = mark_from_yaml(parser->context_mark);
        diag_add(loader->diags, loader->source->path, mark_from_yaml(parser->problem_mark),
                 "%s %s (at %d:%d)%s", problem, parser->context, context.line, context.col,
                 hint_for(problem));
    } else {
        diag_add(loader->diags, loader->source->path, mark_from_yaml(parser->problem_mark), "%s%s",
                 problem, hint_for(problem));
    }
}

static bool next_event(struct loader *loader, yaml_event_t *event)
{
    if (loader->broken)
        return false;
    if (!yaml_parser_parse(&loader->parser, event)) {
        report_parser_error(loader);
        loader->broken = true;
        return false;
    }
    return true;
}

static void refuse_fatally(struct loader *loader, struct mark at, const char *message)
{
    error_at(loader, at, "%s", message);
    loader->broken = true;
}

static json_t *locate(struct loader *loader, json_t *node, const yaml_event_t *event,
                      struct mark key, bool plain)
{
    struct where where = {mark_from_yaml(event->start_mark), key, plain};
    if (node && !where_put(loader->where, node, where)) {
        json_decref(node);
        refuse_fatally(loader, where.at, "out of memory");
        return NULL;
    }
    return node;
}

/* Anchors and tags are refused but the node is still loaded, so that the
 * rest of the file is checked too. */
static void refuse_anchor_and_tag(struct loader *loader, const yaml_event_t *event,
                                  const yaml_char_t *anchor, const yaml_char_t *tag)
{
    struct mark at = mark_from_yaml(event->start_mark);
    if (anchor)
        error_at(loader, at, "anchors are not allowed (found '&%s')", (const char *)anchor);
    static const char core_prefix[] = "tag:yaml.org,2002:"; /* written as "!!" */
    const char *text = (const char *)tag;
    if (text && strncmp(text, core_prefix, sizeof core_prefix - 1) == 0)
        diag_add(loader->diags, loader->source->path, at, "tags are not allowed (found '!!%s')",
                 text + sizeof core_prefix - 1);
    else if (text)
        error_at(loader, at, "tags are not allowed (found '%s')", text);
}

static json_t *load_node(struct loader *loader, yaml_event_t *event, int depth, struct mark key);

static json_t *load_scalar(struct loader *loader, yaml_event_t *event, struct mark key)
{
    refuse_anchor_and_tag(loader, event, event->data.scalar.anchor, event->data.scalar.tag);
    const char *text = (const char *)event->data.scalar.value;
    bool plain = event->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    json_t *node = json_stringn(text, event->data.scalar.length);
    if (!node) {
        refuse_fatally(loader, mark_from_yaml(event->start_mark),
                       "scalar is not valid UTF-8 (or out of memory)");
        return NULL;
    }
    return locate(loader, node, event, key, plain);
}

static json_t *load_sequence(struct loader *loader, yaml_event_t *start, int depth, struct mark key)
{
    refuse_anchor_and_tag(loader, start, start->data.sequence_start.anchor,
                          start->data.sequence_start.tag);
    json_t *list = locate(loader, json_array(), start, key, false);
    yaml_event_t event;
    while (list && next_event(loader, &event)) {
        if (event.type == YAML_SEQUENCE_END_EVENT) {
            yaml_event_delete(&event);
            return list;
        }
        if (json_array_size(list) >= MAX_ITEMS)
            refuse_fatally(loader, mark_from_yaml(event.start_mark),
                           "list has more than 1000000 items (the limit)");
        json_t *item = loader->broken ? NULL : load_node(loader, &event, depth, key);
        yaml_event_delete(&event);
        if (!item || json_array_append_new(list, item) != 0)
            break;
    }
    json_decref(list);
    return NULL;
}

static bool add_member(struct loader *loader, json_t *map, const char *name, size_t length,
                       struct mark key, json_t *value)
{
    if (strlen(name) != length) {
        error_at(loader, key, "%s", "mapping key contains a NUL byte");
        json_decref(value);
        return true;
    }
    json_t *first = json_object_get(map, name);
    if (first) {
        struct mark first_key = key_mark_of(loader->where, first);
        diag_add(loader->diags, loader->source->path, key, "duplicate key '%s' (first at %d:%d)",
                 name, first_key.line, first_key.col);
        json_decref(value);
        return true;
    }
    return json_object_set_new(map, name, value) == 0;
}

/* Reads one "key: value" pair whose key event is KEY_EVENT. */
static bool load_member(struct loader *loader, json_t *map, yaml_event_t *key_event, int depth)
{
    struct mark key = mark_from_yaml(key_event->start_mark);
    if (key_event->type == YAML_ALIAS_EVENT) {
        refuse_fatally(loader, key, "aliases are not allowed");
        return false;
    }
    if (key_event->type != YAML_SCALAR_EVENT) {
        refuse_fatally(loader, key, "mapping keys must be strings, not lists or mappings");
        return false;
    }
    refuse_anchor_and_tag(loader, key_event, key_event->data.scalar.anchor,
                          key_event->data.scalar.tag);
    yaml_event_t value_event;
    if (!next_event(loader, &value_event))
        return false;
    json_t *value = load_node(loader, &value_event, depth, key);
    yaml_event_delete(&value_event);
    if (!value)
        return false;
    return add_member(loader, map, (const char *)key_event->data.scalar.value,
                      key_event->data.scalar.length, key, value);
}

static json_t *load_mapping(struct loader *loader, yaml_event_t *start, int depth, struct mark key)
{
    refuse_anchor_and_tag(loader, start, start->data.mapping_start.anchor,
                          start->data.mapping_start.tag);
    json_t *map = locate(loader, json_object(), start, key, false);
    yaml_event_t event;
    while (map && next_event(loader, &event)) {
        if (event.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&event);
            return map;
        }
        bool loaded = load_member(loader, map, &event, depth);
        yaml_event_delete(&event);
        if (!loaded)
            break;
    }
    json_decref(map);
    return NULL;
}

static json_t *load_node(struct loader *loader, yaml_event_t *event, int depth, struct mark key)
{
    struct mark at = mark_from_yaml(event->start_mark);
    switch (event->type) {
    case YAML_SCALAR_EVENT:
        return load_scalar(loader, event, key);
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        if (depth >= MAX_DEPTH) {
            refuse_fatally(loader, at, "nesting is deeper than 64 levels (the limit)");
            return NULL;
        }
        return event->type == YAML_SEQUENCE_START_EVENT
                   ? load_sequence(loader, event, depth + 1, key)
                   : load_mapping(loader, event, depth + 1, key);
    case YAML_ALIAS_EVENT:
        refuse_fatally(loader, at, "aliases are not allowed");
        return NULL;
    default:
        refuse_fatally(loader, at, "unexpected YAML event");
        return NULL;
    }
}

/* Expects EXPECTED next; anything else is reported with MESSAGE. */
static bool expect_event(struct loader *loader, yaml_event_type_t expected, const char *message)
{
    yaml_event_t event;
    if (!next_event(loader, &event))
        return false;
    bool found = event.type == expected;
    if (!found)
        refuse_fatally(loader, mark_from_yaml(event.start_mark), message);
    yaml_event_delete(&event);
    return found;
}

static json_t *load_document(struct loader *loader)
{
    yaml_event_t event;
    if (!next_event(loader, &event))
        return NULL;
    if (event.type == YAML_STREAM_END_EVENT) {
        yaml_event_delete(&event);
        error_at(loader, (struct mark){0, 0}, "%s", "the registry is empty");
        return NULL;
    }
    yaml_event_delete(&event); /* DOCUMENT-START */
    if (!next_event(loader, &event))
        return NULL;
    bool no_content = event.type == YAML_SCALAR_EVENT && event.data.scalar.length == 0 &&
                      event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    json_t *root = load_node(loader, &event, 0, (struct mark){0, 0});
    yaml_event_delete(&event);
    if (no_content) {
        json_decref(root);
        error_at(loader, (struct mark){0, 0}, "%s", "the registry is empty");
        return NULL;
    }
    bool single =
        expect_event(loader, YAML_DOCUMENT_END_EVENT, "unexpected content") &&
        expect_event(loader, YAML_STREAM_END_EVENT, "the registry must be a single YAML document");
    if (!single) {
        json_decref(root);
        return NULL;
    }
    return root;
}

static bool is_utf16(const struct source *source)
{
    const unsigned char *bytes = (const unsigned char *)source->bytes;
    return source->length >= 2 &&
           ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));
}

json_t *load_registry(const struct source *source, struct where_table *where, struct diags *diags)
{
    struct loader loader = {.source = source, .where = where, .diags = diags};
    if (is_utf16(source)) {
        /* libyaml would convert it; the format is UTF-8, so say so plainly. */
        error_at(&loader, (struct mark){1, 1}, "%s",
                 "the file is UTF-16 (it starts with a byte-order mark); registries are UTF-8");
        return NULL;
    }
    if (!yaml_parser_initialize(&loader.parser)) {
        fail("cannot initialize libyaml");
        return NULL;
    }
    yaml_parser_set_input_string(&loader.parser, (const unsigned char *)source->bytes,
                                 source->length);
    json_t *root = expect_event(&loader, YAML_STREAM_START_EVENT, "no YAML stream")
                       ? load_document(&loader)
                       : NULL;
    yaml_parser_delete(&loader.parser);
    return root;
}
