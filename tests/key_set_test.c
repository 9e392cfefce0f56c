/* key_set_test.c: the uniqueness checks' set. Keys that differ only in a
 * late byte, in length, or around an embedded NUL are told apart; every key
 * claimed is found with its own node, one never claimed is not; claiming a
 * key again answers the first node and keeps it; and the set grows far
 * past the count it was made for. */
#include "key_set.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_COUNT 20000

static int failures;

static void expect(bool ok, const char *what, size_t index)
{
    if (!ok && failures++ < 5)
        printf("FAIL %s (key %zu)\n", what, index);
}

/* The node KEY held before, or NULL, as key_set_claim answers it; aborts
 * when out of memory. */
static const json_t *claim(struct key_set *set, const char *key, size_t length, const json_t *node)
{
    const json_t *first = NULL;
    if (!key_set_claim(set, key, length, node, &first))
        abort();
    return first;
}

/* Key INDEX: a shared prefix, the index in decimal and ';', so that no key
 * is a prefix of another; odd keys go on with a NUL and an 'x'. */
static size_t make_key(char *key, size_t index)
{
    int length = sprintf(key, "a shared prefix of some length %zu;", index);
    key[length + 1] = 'x';
    return (size_t)length + (index % 2 ? 2 : 0);
}

int main(void)
{
    /* One node per key: their addresses tell the keys apart. */
    static json_t *nodes[KEY_COUNT];
    struct key_set *set = key_set_new(4); /* far too few: it must grow */
    char key[64];
    for (size_t i = 0; i < KEY_COUNT; i++) {
        nodes[i] = json_integer((json_int_t)i);
        size_t length = make_key(key, i);
        expect(key_set_find(set, key, length) == NULL, "found before it was claimed", i);
        expect(claim(set, key, length, nodes[i]) == NULL, "claimed before", i);
    }
    for (size_t i = 0; i < KEY_COUNT; i++) {
        size_t length = make_key(key, i);
        expect(claim(set, key, length, nodes[(i + 1) % KEY_COUNT]) == nodes[i],
               "claimed again, not answered with its first node", i);
        expect(key_set_find(set, key, length) == nodes[i], "not found with its first node", i);
        expect(key_set_find(set, key, length - 1) == NULL, "a prefix was found", i);
        key[length - 1] ^= 0x20;
        expect(key_set_find(set, key, length) == NULL, "a changed last byte was found", i);
    }
    expect(key_set_find(set, "", 0) == NULL, "the empty key was found", 0);
    expect(claim(set, "", 0, nodes[0]) == NULL && key_set_find(set, "", 0) == nodes[0],
           "the empty key was not kept", 0);
    key_set_free(set);
    for (size_t i = 0; i < KEY_COUNT; i++)
        json_decref(nodes[i]);
    printf("%s\n", failures ? "FAILED" : "every key found, no other");
    return failures != 0;
}
