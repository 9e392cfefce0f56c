/* case.c: splitting text into words and joining them in another case. */
#include "case.h"

#include <string.h>

static const struct {
    const char *name;
    enum case_filter filter;
} case_table[] = {
    {"snake", CASE_SNAKE}, {"camel", CASE_CAMEL}, {"pascal", CASE_PASCAL}, {"kebab", CASE_KEBAB},
    {"upper", CASE_UPPER}, {"lower", CASE_LOWER}, {"title", CASE_TITLE},
};

bool case_from_name(const char *name, size_t length, enum case_filter *filter)
{
    for (size_t i = 0; i < sizeof case_table / sizeof *case_table; i++) {
        if (strlen(case_table[i].name) == length && memcmp(case_table[i].name, name, length) == 0) {
            *filter = case_table[i].filter;
            return true;
        }
    }
    return false;
}

const char *case_names(void)
{
    return "snake, camel, pascal, kebab, upper, lower, title";
}

/* ASCII only, whatever the locale: output never depends on the machine. */
static bool is_upper(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower(char c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static char to_upper(char c)
{
    return is_lower(c) ? (char)(c - 'a' + 'A') : c;
}

static char to_lower(char c)
{
    return is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

static bool in_word(char c)
{
    return is_upper(c) || is_lower(c) || is_digit(c) || c == '\'' || (unsigned char)c >= 0x80;
}

/* Whether a new word begins at TEXT[I], inside a run of word bytes. */
static bool case_turns(const char *text, size_t length, size_t i)
{
    if (!is_upper(text[i]))
        return false;
    if (is_lower(text[i - 1]) || is_digit(text[i - 1]))
        return true; /* notFound, http2Server */
    return is_upper(text[i - 1]) && i + 1 < length && is_lower(text[i + 1]); /* HTTPStatus */
}

/* How a word is joined to the one before, and how its letters are cased. */
struct style {
    const char *separator;
    enum { ALL_LOWER, CAPITALIZED, FIRST_LOWER } letters;
    bool keep_apostrophes;
};

static bool append_word(struct buffer *out, const struct style *style, const char *word,
                        size_t length, bool first)
{
    if (!first && !buffer_append_string(out, style->separator))
        return false;
    bool capital = style->letters == CAPITALIZED || (style->letters == FIRST_LOWER && !first);
    for (size_t i = 0; i < length; i++) {
        char c = word[i];
        if (c == '\'' && !style->keep_apostrophes)
            continue;
        if (!buffer_append_char(out, capital ? to_upper(c) : to_lower(c)))
            return false;
        capital = capital && c == '\''; /* the first letter after a leading one */
    }
    return true;
}

static bool append_words(struct buffer *out, const struct style *style, const char *text,
                         size_t length)
{
    bool first = true;
    size_t i = 0;
    while (i < length) {
        if (!in_word(text[i])) {
            i++;
            continue;
        }
        size_t start = i++;
        while (i < length && in_word(text[i]) && !case_turns(text, length, i))
            i++;
        if (!append_word(out, style, text + start, i - start, first))
            return false;
        first = false;
    }
    return true;
}

static bool append_mapped(struct buffer *out, char (*map)(char), const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++)
        if (!buffer_append_char(out, map(text[i])))
            return false;
    return true;
}

bool case_append(struct buffer *out, enum case_filter filter, const char *text, size_t length)
{
    static const struct style snake = {"_", ALL_LOWER, false}, kebab = {"-", ALL_LOWER, false},
                              camel = {"", FIRST_LOWER, false}, pascal = {"", CAPITALIZED, false},
                              title = {" ", CAPITALIZED, true};
    switch (filter) {
    case CASE_SNAKE:
        return append_words(out, &snake, text, length);
    case CASE_KEBAB:
        return append_words(out, &kebab, text, length);
    case CASE_CAMEL:
        return append_words(out, &camel, text, length);
    case CASE_PASCAL:
        return append_words(out, &pascal, text, length);
    case CASE_TITLE:
        return append_words(out, &title, text, length);
    case CASE_UPPER:
        return append_mapped(out, to_upper, text, length);
    case CASE_LOWER:
        return append_mapped(out, to_lower, text, length);
    }
    return false;
}
