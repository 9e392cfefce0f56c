/* fuzz_lookups.c: libFuzzer over the generated lookups of the shipped
 * registry (out/http_status.c). The first byte picks a lookup, the rest is
 * its key: any length, any bytes, embedded NULs. Each answer is checked
 * against a plain linear search of the table, written independently, so a
 * wrong answer is a crash, not only an out-of-bounds read. */
#include "http_status.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int same_phrase(const char *phrase, const char *s, size_t len)
{
    if (strlen(phrase) != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (ascii_lower((unsigned char)phrase[i]) != ascii_lower((unsigned char)s[i]))
            return 0;
    return 1;
}

static const struct http_status_info *reference_from_reason(const char *s, size_t len)
{
    for (size_t i = 0; i < HTTP_STATUS_COUNT; i++) {
        const struct http_status_info *info = &http_status_table[i];
        if (same_phrase(info->reason, s, len))
            return info;
        for (const char *const *former = info->former; *former; former++)
            if (same_phrase(*former, s, len))
                return info;
    }
    return NULL;
}

static int reference_has_code(int code)
{
    for (size_t i = 0; i < HTTP_STATUS_COUNT; i++)
        if (http_status_table[i].code == code)
            return 1;
    return 0;
}

static const struct http_status_info *reference_from_name(const char *s, size_t len)
{
    for (size_t i = 0; i < HTTP_STATUS_COUNT; i++)
        if (strlen(http_status_table[i].name) == len && memcmp(http_status_table[i].name, s, len) == 0)
            return &http_status_table[i];
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    /* A copy of exactly the key's length, so ASan sees any read past it. */
    size_t len = size - 1;
    char *key = malloc(len ? len : 1);
    if (!key)
        return 0;
    memcpy(key, data + 1, len);
    switch (data[0] % 3) {
    case 0:
        if (http_status_from_reason(key, len) != reference_from_reason(key, len))
            abort();
        break;
    case 1:
        if (http_status_from_name(key, len) != reference_from_name(key, len))
            abort();
        break;
    default: {
        int code = 0;
        memcpy(&code, key, len < sizeof code ? len : sizeof code);
        const struct http_status_info *info = http_status_lookup(code);
        if (info ? info->code != code : reference_has_code(code))
            abort();
        break;
    }
    }
    free(key);
    return 0;
}
