/* scope_test.c: how the renderer resolves names, against a plain reference.
 *
 * The renderer remembers where each name was found (template.c, struct
 * memo and struct path_memo) so that it repeats few hash lookups. This test
 * renders pseudo-random templates against pseudo-random models, where the
 * same few keys sit at every level, in mappings, lists of mappings, texts
 * and lists of texts, and compares the output with a renderer written here
 * that searches every frame every time. Each section prints the value it
 * opens ({{{@json}}}), so any name resolved from the wrong frame shows. */
#include "json_text.h"
#include "template.h"
#include "xorshift.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CASE_COUNT     3000
#define MODEL_DEPTH    3
#define TEMPLATE_DEPTH 5

static uint64_t state = 0xD1B54A32D192ED03u;

static uint32_t next_random(void)
{
    return (uint32_t)(xorshift64(&state) >> 16);
}

static const char *const keys[] = {"a", "b", "c"};
#define KEY_COUNT (sizeof keys / sizeof *keys)
static int text_number;

static json_t *random_value(int depth);

static json_t *random_mapping(int depth)
{
    json_t *mapping = json_object();
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (next_random() % 3 != 0)
            json_object_set_new(mapping, keys[i], random_value(depth + 1));
    return mapping;
}

static json_t *random_value(int depth)
{
    char text[16];
    snprintf(text, sizeof text, "t%d", text_number++);
    switch (depth >= MODEL_DEPTH ? 0 : next_random() % 4) {
    case 0:
        return json_string(text);
    case 1:
        return random_mapping(depth);
    default: {
        json_t *list = json_array();
        bool of_texts = depth >= MODEL_DEPTH - 1 || next_random() % 4 == 0;
        for (uint32_t i = 0, count = next_random() % 3; i < count; i++)
            json_array_append_new(list,
                                  of_texts ? random_value(MODEL_DEPTH) : random_mapping(depth + 1));
        return list;
    }
    }
}

/* A template tree, kept beside its text for the reference renderer. */
struct element {
    char name[8]; /* "a", "b.c" or "." */
    bool inverted;
    struct element *children;
    size_t count;
};

static void random_name(char *name)
{
    uint32_t pick = next_random() % 8;
    if (pick == 0)
        strcpy(name, ".");
    else if (pick < 6)
        strcpy(name, keys[pick % KEY_COUNT]);
    else
        snprintf(name, 8, "%s.%s", keys[next_random() % KEY_COUNT],
                 keys[next_random() % KEY_COUNT]);
}

static void append(char **text, size_t *length, const char *piece)
{
    size_t more = strlen(piece);
    *text = realloc(*text, *length + more + 1);
    memcpy(*text + *length, piece, more + 1);
    *length += more;
}

/* Sections around a print of their value: {{#n}}[{{{@json}}} ...]{{/n}}. */
static void random_elements(struct element *parent, int depth, char **text, size_t *length)
{
    parent->count = depth >= TEMPLATE_DEPTH ? 0 : 1 + next_random() % 3;
    parent->children = calloc(parent->count + 1, sizeof *parent->children);
    for (size_t i = 0; i < parent->count; i++) {
        struct element *element = &parent->children[i];
        random_name(element->name);
        element->inverted = next_random() % 5 == 0;
        char tag[32];
        snprintf(tag, sizeof tag, "{{%c%s}}[", element->inverted ? '^' : '#', element->name);
        append(text, length, tag);
        if (!element->inverted)
            append(text, length, "{{{@json}}}");
        random_elements(element, depth + 1, text, length);
        snprintf(tag, sizeof tag, "]{{/%s}}", element->name);
        append(text, length, tag);
    }
}

static void free_elements(struct element *element)
{
    for (size_t i = 0; i < element->count; i++)
        free_elements(&element->children[i]);
    free(element->children);
}

/* ---- the reference: every frame searched, every time ------------------ */

static const json_t *stack[64];
static int top;

static const json_t *resolve(const char *name)
{
    if (strcmp(name, ".") == 0)
        return stack[top];
    char first[8];
    const char *dot = strchr(name, '.');
    snprintf(first, sizeof first, "%.*s", dot ? (int)(dot - name) : (int)strlen(name), name);
    const json_t *value = NULL;
    for (int depth = top; depth >= 0 && !value; depth--)
        value = json_object_get(stack[depth], first);
    return dot && value ? json_object_get(value, dot + 1) : value;
}

static bool truthy(const json_t *value)
{
    return value && (json_is_object(value) || (json_is_array(value) && json_array_size(value)) ||
                     (json_is_string(value) && json_string_length(value)));
}

static void reference_elements(const struct element *parent, struct buffer *out);

static void reference_frame(const struct element *element, const json_t *value, struct buffer *out)
{
    stack[++top] = value;
    buffer_append_string(out, "[");
    json_text_append(out, value);
    reference_elements(element, out);
    buffer_append_string(out, "]");
    top--;
}

static void reference_elements(const struct element *parent, struct buffer *out)
{
    for (size_t i = 0; i < parent->count; i++) {
        const struct element *element = &parent->children[i];
        const json_t *value = resolve(element->name);
        if (element->inverted) {
            if (!truthy(value)) {
                buffer_append_string(out, "[");
                reference_elements(element, out);
                buffer_append_string(out, "]");
            }
        } else if (truthy(value) && json_is_array(value)) {
            for (size_t j = 0; j < json_array_size(value); j++)
                reference_frame(element, json_array_get(value, j), out);
        } else if (truthy(value)) {
            reference_frame(element, value, out);
        }
    }
}

static bool one_case(int number)
{
    json_t *model = random_mapping(0);
    struct element root = {0};
    char *text = NULL;
    size_t length = 0;
    append(&text, &length, "");
    random_elements(&root, 0, &text, &length);

    struct diags diags = {0};
    struct buffer rendered = {0}, expected = {0};
    struct template *template = template_parse("case", text, length, ESCAPE_NONE, &diags);
    bool ok = template && template_render(template, model, &rendered, &diags);
    stack[top = 0] = model;
    reference_elements(&root, &expected);
    bool same =
        ok && rendered.length == expected.length &&
        (expected.length == 0 || memcmp(rendered.bytes, expected.bytes, expected.length) == 0);
    if (!same) {
        char *dump = json_dumps(model, JSON_SORT_KEYS);
        printf("case %d differs\ntemplate: %s\nmodel: %s\nrendered: %s\nexpected: %s\n", number,
               text, dump, ok ? (rendered.bytes ? rendered.bytes : "") : "(failed)",
               expected.bytes ? expected.bytes : "");
        diags_print(&diags, stdout);
        free(dump);
    }
    template_free(template);
    diags_free(&diags);
    buffer_free(&rendered);
    buffer_free(&expected);
    free_elements(&root);
    free(text);
    json_decref(model);
    return same;
}

int main(void)
{
    int failed = 0;
    for (int number = 0; number < CASE_COUNT && failed < 3; number++)
        failed += !one_case(number);
    if (failed)
        return 1;
    printf("ok: %d templates render as a full search of every frame would\n", CASE_COUNT);
    return 0;
}
