/* json_text_test.c: json_text_append against Jansson's own dump of a copy
 * without the private keys, on pseudo-random values: nested mappings and
 * lists, empty ones, mappings with only private keys, strings with every
 * ASCII byte (NUL and control characters included) and multi-byte UTF-8,
 * and integers up to both ends of their range. Any byte of difference
 * fails, with the first value that differs printed. */
#include "json_text.h"
#include "xorshift.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VALUE_COUNT 3000
#define MAX_DEPTH   5

static uint64_t state = 0x9E3779B97F4A7C15u;

static uint32_t next_random(void)
{
    return (uint32_t)(xorshift64(&state) >> 16);
}

static json_t *random_string(void)
{
    static const char *const pieces[] = {
        "a", "Z", " ", "\"", "\\", "/", "\x7f", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
        "_", "0"};
    char text[64];
    size_t length = 0, pieces_wanted = next_random() % 12;
    for (size_t i = 0; i < pieces_wanted; i++) {
        if (next_random() % 3 == 0) {
            text[length++] = (char)(next_random() % 0x20); /* NUL and control bytes */
            continue;
        }
        const char *piece = pieces[next_random() % (sizeof pieces / sizeof *pieces)];
        memcpy(text + length, piece, strlen(piece));
        length += strlen(piece);
    }
    return json_stringn(text, length);
}

static json_t *random_integer(void)
{
    static const json_int_t ends[] = {0, -1, 1, 9, 10, -10, LLONG_MAX, LLONG_MIN, LLONG_MIN + 1};
    if (next_random() % 2)
        return json_integer(ends[next_random() % (sizeof ends / sizeof *ends)]);
    return json_integer((json_int_t)next_random() - (json_int_t)(1u << 31));
}

static json_t *random_value(int depth);

static json_t *random_object(int depth)
{
    json_t *object = json_object();
    size_t count = next_random() % 6;
    for (size_t i = 0; i < count; i++) {
        char key[16];
        /* One key in three private; some keys only differ by the '_'. */
        snprintf(key, sizeof key, "%sk%u", next_random() % 3 ? "" : "_", next_random() % 5);
        json_object_set_new(object, key, random_value(depth + 1));
    }
    return object;
}

static json_t *random_value(int depth)
{
    unsigned kind = next_random() % (depth < MAX_DEPTH ? 8 : 6);
    switch (kind) {
    case 0:
        return json_true();
    case 1:
        return json_false();
    case 2:
        return json_null();
    case 3:
        return random_integer();
    case 4:
    case 5:
        return random_string();
    case 6: {
        json_t *array = json_array();
        size_t count = next_random() % 5;
        for (size_t i = 0; i < count; i++)
            json_array_append_new(array, random_value(depth + 1));
        return array;
    }
    default:
        return random_object(depth);
    }
}

/* The oracle's input: a deep copy without the private keys. */
static json_t *public_copy(const json_t *value)
{
    if (json_is_array(value)) {
        json_t *copy = json_array();
        for (size_t i = 0; i < json_array_size(value); i++)
            json_array_append_new(copy, public_copy(json_array_get(value, i)));
        return copy;
    }
    if (!json_is_object(value))
        return json_deep_copy(value);
    json_t *copy = json_object();
    const char *key;
    json_t *member;
    json_object_foreach ((json_t *)value, key, member)
        if (key[0] != '_')
            json_object_set_new(copy, key, public_copy(member));
    return copy;
}

int main(void)
{
    int failures = 0;
    for (size_t i = 0; i < VALUE_COUNT; i++) {
        json_t *value = i == 0 ? random_object(0) : random_value(0);
        json_t *copy = public_copy(value);
        char *expected = json_dumps(copy, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
        struct buffer out = {0};
        bool ok = json_text_append(&out, value);
        if (!expected || !ok || !out.bytes || strcmp(out.bytes, expected) != 0 ||
            out.length != strlen(expected)) {
            if (failures++ < 3)
                printf("FAIL value %zu\nexpected:\n%s\ngot:\n%s\n", i,
                       expected ? expected : "(none)", out.bytes ? out.bytes : "(none)");
        }
        buffer_free(&out);
        free(expected);
        json_decref(copy);
        json_decref(value);
    }
    printf("%d of %d values differ\n", failures, VALUE_COUNT);
    return failures ? 1 : 0;
}
