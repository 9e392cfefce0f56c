/* lookup_test.c: checks a generated registry's lookups for every entry and
 * for what is not in it. Works for any registry: compile with
 *   -DREG=http_status -DREG_UPPER=HTTP_STATUS -DREG_HEADER='"http_status.h"'
 * Usage: lookup_test            run the checks; prints "ok" or each failure
 *        lookup_test strings    print every string of the table, for
 *                               comparing byte for byte with the YAML */
#include REG_HEADER

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAT_(a, b) a##b
#define CAT(a, b)  CAT_(a, b)
#define F(suffix)  CAT(REG, suffix)
#define U(suffix)  CAT(REG_UPPER, suffix)

typedef struct CAT(REG, _info) info_t;

static int failures;

#define EXPECT(condition, ...)                                                                     \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            failures++;                                                                            \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);                                            \
            printf(__VA_ARGS__);                                                                   \
            printf("\n");                                                                          \
        }                                                                                          \
    } while (0)

static void change_case(char *text, int upper)
{
    for (; *text; text++) {
        if (upper && *text >= 'a' && *text <= 'z')
            *text = (char)(*text - 'a' + 'A');
        else if (!upper && *text >= 'A' && *text <= 'Z')
            *text = (char)(*text - 'A' + 'a');
    }
}

/* The phrase in three casings, and near misses that must not match. */
static void check_phrase(const char *phrase, const info_t *entry)
{
    size_t length = strlen(phrase);
    char *copy = malloc(length + 2);
    memcpy(copy, phrase, length + 1);
    EXPECT(F(_from_reason)(copy, length) == entry, "from_reason(\"%s\")", phrase);
    change_case(copy, 1);
    EXPECT(F(_from_reason)(copy, length) == entry, "from_reason(upper \"%s\")", copy);
    change_case(copy, 0);
    EXPECT(F(_from_reason)(copy, length) == entry, "from_reason(lower \"%s\")", copy);
    memcpy(copy, phrase, length + 1);
    EXPECT(F(_from_reason)(copy, length - 1) != entry || length == 0, "prefix of \"%s\"", phrase);
    copy[length] = 'x';
    EXPECT(F(_from_reason)(copy, length + 1) == NULL, "\"%s\" + x", phrase);
    copy[length] = '\0';
    EXPECT(F(_from_reason)(copy, length + 1) == NULL, "\"%s\" + NUL", phrase);
    free(copy);
}

static void check_entry(size_t index)
{
    const info_t *entry = &F(_table)[index];
    EXPECT(F(_from_name)(entry->name, strlen(entry->name)) == entry, "from_name(%s)", entry->name);
    EXPECT(F(_from_name)(entry->name, strlen(entry->name) - 1) != entry, "prefix of %s",
           entry->name);
    check_phrase(entry->reason, entry);
    for (const char *const *former = entry->former; *former; former++)
        check_phrase(*former, entry);
    const info_t *found = F(_lookup)(entry->code);
    EXPECT(found && found->code == entry->code, "lookup(%d)", entry->code);
    /* Only one entry per code is not unofficial, and lookup prefers it. */
    EXPECT(entry->status == U(_UNOFFICIAL) || found == entry, "lookup(%d) is not %s", entry->code,
           entry->name);
    EXPECT(F(_reason)(entry->code) == found->reason, "reason(%d)", entry->code);
    EXPECT(F(_flags)(entry->code) == found->flags, "flags(%d)", entry->code);
}

/* The X-macro and the enum agree with the table, entry by entry. */
static size_t map_index;
#define CHECK_MAP(map_code, MAP_NAME, map_reason)                                                  \
    EXPECT(map_index < U(_COUNT) && F(_table)[map_index].code == (map_code) &&                     \
               strcmp(F(_table)[map_index].name, #MAP_NAME) == 0 &&                                \
               strcmp(F(_table)[map_index].reason, map_reason) == 0 &&                             \
               U(CAT(_, MAP_NAME)) == (map_code),                                                  \
           "MAP entry %zu (%s)", map_index, #MAP_NAME);                                            \
    map_index++;

/* The table is sorted by code: binary search, independent of the lookups. */
static int in_table(int code)
{
    size_t low = 0, high = U(_COUNT);
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (F(_table)[middle].code == code)
            return 1;
        if (F(_table)[middle].code < code)
            low = middle + 1;
        else
            high = middle;
    }
    return 0;
}

static void check_unknown_codes(void)
{
    long low = (long)U(_MIN) - 2000, high = (long)U(_MAX) + 2000;
    if (high - low > 4000000)
        high = low + 4000000;
    for (long code = low; code <= high; code++) {
        if (code < INT_MIN || code > INT_MAX)
            continue;
        const info_t *found = F(_lookup)((int)code);
        EXPECT(in_table((int)code) ? found && found->code == code : found == NULL, "lookup(%ld)",
               code);
    }
    int extremes[] = {INT_MIN, INT_MIN + 1, -1, 0, INT_MAX - 1, INT_MAX};
    for (size_t i = 0; i < sizeof extremes / sizeof *extremes; i++) {
        const info_t *found = F(_lookup)(extremes[i]);
        EXPECT(in_table(extremes[i]) ? found != NULL : found == NULL, "lookup(%d)", extremes[i]);
    }
    EXPECT(F(_from_reason)("", 0) == NULL, "from_reason(\"\")");
    EXPECT(F(_from_name)("", 0) == NULL, "from_name(\"\")");
    static char long_key[4096];
    memset(long_key, 'A', sizeof long_key);
    EXPECT(F(_from_reason)(long_key, sizeof long_key) == NULL, "from_reason(4 KiB)");
    EXPECT(F(_from_name)(long_key, sizeof long_key) == NULL, "from_name(4 KiB)");
}

/* Random keys of 1 to 40 name-like bytes, from a fixed stream: each lands on
 * some slot and the main path compares it, whatever its length, with the
 * key that slot holds, which may be shorter and the last in the pool (the
 * sanitizers catch a read past the pool). What is found must be the key. */
static void check_random_names(void)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789";
    unsigned long state = 20261122;
    char key[40];
    for (int i = 0; i < 100000; i++) {
        size_t length = 1 + (size_t)i % sizeof key;
        for (size_t j = 0; j < length; j++) {
            state = (state * 1664525u + 1013904223u) & 0xFFFFFFFFu;
            key[j] = alphabet[(state >> 16) % (sizeof alphabet - 1)];
        }
        const info_t *found = F(_from_name)(key, length);
        EXPECT(!found || (strlen(found->name) == length && memcmp(found->name, key, length) == 0),
               "from_name(\"%.*s\") found %s", (int)length, key, found->name);
    }
}

static void print_string(const char *label, const char *text)
{
    printf("%s=%s\n", label, text ? text : "(null)");
}

static void print_strings(void)
{
    for (size_t i = 0; i < U(_COUNT); i++) {
        const info_t *entry = &F(_table)[i];
        printf("code=%d\n", entry->code);
        print_string("name", entry->name);
        print_string("reason", entry->reason);
        print_string("description", entry->description);
        print_string("origin", entry->origin);
        print_string("spec", entry->spec);
        print_string("url", entry->url);
        print_string("since", entry->since);
        for (const char *const *former = entry->former; *former; former++)
            print_string("former", *former);
    }
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "strings") == 0) {
        print_strings();
        return 0;
    }
    for (size_t i = 0; i < U(_COUNT); i++)
        check_entry(i);
    U(_MAP)
    (CHECK_MAP) EXPECT(map_index == U(_COUNT), "MAP has %zu entries, COUNT is %d", map_index,
                       (int)U(_COUNT));
    check_unknown_codes();
    check_random_names();
    if (failures) {
        printf("%d failures\n", failures);
        return 1;
    }
    printf("ok: %d entries\n", (int)U(_COUNT));
    return 0;
}
