/* fuzz_template.c: libFuzzer over the template engine alone. The first byte
 * picks the output's escape (byte % 12: '0' is none, '1' c, ..., ';' go)
 * and the way regen renders (byte / 12 odd, '<' to 'G': checked against
 * the model's shape and rendered with it, as for a registry; even: rendered
 * without a shape, as --render does a JSON value). The rest is a template,
 * parsed, linked to two fixed partials, then checked and rendered against a
 * small fixed model shaped like regen's, as far as each step succeeds.
 * Nothing may crash, leak or read out of bounds (the build adds ASan and
 * UBSan), and a failure must say why: a NULL parse, or a false link, check
 * or render, that adds no error to the diagnostics aborts. */
#include "buffer.h"
#include "diag.h"
#include "escape.h"
#include "model_shape.h"
#include "template.h"
#include "template_check.h"
#include "template_parse.h"
#include "template_render.h"

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define ESCAPE_COUNT (ESCAPE_GO + 1)

/* Strings that need escaping in every output, a list of two, an empty one,
 * booleans, null and an integer at the top. */
static const char model_json[] =
    "{\"registry\": {\"name\": \"demo\", \"title\": \"Demo\", \"flags\": [{\"name\": \"a\"}],"
    " \"classes\": []},"
    " \"codes\": [{\"code\": 200, \"reason\": \"OK \\\"</script>\", \"name\": \"DEMO_OK\","
    " \"flags\": [\"a\"], \"description\": \"line\\nfeed\"},"
    " {\"code\": 404, \"reason\": \"Not Found\", \"name\": \"DEMO_NOT_FOUND\", \"flags\": [],"
    " \"description\": \"x\"}],"
    " \"_count\": 2, \"t\": true, \"f\": false, \"n\": null}";

/* Neither includes a partial: an input's {{> row}} cannot recurse forever. */
static const struct {
    const char *name, *text;
} partial_texts[] = {
    {"header", "# {{registry.name}}\n"},
    {"row", "{{code}} {{reason | pascal}}\n"},
};
#define PARTIAL_COUNT (sizeof partial_texts / sizeof partial_texts[0])

static json_t *model;
static json_t *shape; /* the model's schema, as regen makes it for a registry */
static struct partial partials[PARTIAL_COUNT];

/* The model, its shape and the partials, made on the first call and kept
 * for all. */
static void set_up(void)
{
    json_error_t error;
    model = json_loads(model_json, 0, &error);
    shape = model ? model_shape(json_object_get(model, "registry")) : NULL;
    if (!shape)
        abort();
    for (size_t i = 0; i < PARTIAL_COUNT; i++) {
        struct diags diags = {0};
        const char *text = partial_texts[i].text;
        struct template *partial =
            template_parse(partial_texts[i].name, text, strlen(text), &diags);
        if (!partial || !template_link(partial, NULL, 0, &diags) || diags.count)
            abort();
        partials[i] = (struct partial){partial_texts[i].name, partial};
    }
}

/* A step failed: it must have added an error to the ERRORS DIAGS had. */
static void expect_error(const struct diags *diags, size_t errors)
{
    if (diags->count <= errors)
        abort();
}

/* Links TEMPLATE, checks it against WITH_SHAPE (unless NULL) and renders
 * it, as far as each step succeeds. */
static void link_and_render(struct template *template, enum escape escape, const json_t *with_shape,
                            struct diags *diags)
{
    size_t errors = diags->count;
    if (!template_link(template, partials, PARTIAL_COUNT, diags)) {
        expect_error(diags, errors);
        return;
    }
    if (with_shape && !template_check(template, with_shape, diags)) {
        expect_error(diags, errors);
        return;
    }
    struct buffer out = {0};
    if (!template_render(template, model, with_shape, escape, &out, diags))
        expect_error(diags, errors);
    buffer_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model)
        set_up();
    if (size > ((size_t)1 << 20))
        return 0; /* parsing is quadratic at worst; keep runs fast */
    enum escape escape = size ? (enum escape)(data[0] % ESCAPE_COUNT) : ESCAPE_NONE;
    bool checked = size && data[0] / ESCAPE_COUNT % 2;
    size_t length = size ? size - 1 : 0;
    /* A copy of exactly the text's length, so ASan sees any read past it. */
    char *text = malloc(length ? length : 1);
    if (!text)
        return 0;
    if (length)
        memcpy(text, data + 1, length);
    struct diags diags = {0};
    struct template *template = template_parse("fuzz.tmpl", text, length, &diags);
    if (!template)
        expect_error(&diags, 0);
    else
        link_and_render(template, escape, checked ? shape : NULL, &diags);
    template_free(template);
    diags_free(&diags);
    free(text);
    return 0;
}
