/* text.c: string predicates for the registry's rules. */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool text_is_null_like(const char *text, size_t length)
{
    if (length == 0 || (length == 1 && text[0] == '~'))
        return true;
    static const char null_word[] = "null";
    if (length != 4)
        return false;
    for (size_t i = 0; i < 4; i++)
        if ((text[i] | 0x20) != null_word[i])
            return false;
    return true;
}

bool text_to_integer(const char *text, size_t length, long long min, long long max,
                     long long *value)
{
    bool negative = length > 0 && text[0] == '-';
    const char *digits = text + negative;
    size_t count = length - negative;
    if (count == 0 || count > 19 || (digits[0] == '0' && (count > 1 || negative)))
        return false; /* no digit, too many, a leading zero, or "-0" */
    unsigned long long magnitude = 0;
    for (size_t i = 0; i < count; i++) {
        if (digits[i] < '0' || digits[i] > '9')
            return false;
        magnitude = magnitude * 10 + (unsigned long long)(digits[i] - '0');
    }
    /* 19 digits stay below 2^64; the bounds are what limits. */
    if (negative ? magnitude > 0ull - (unsigned long long)min : magnitude > (unsigned long long)max)
        return false;
    *value = negative ? (long long)(0ull - magnitude) : (long long)magnitude;
    return true;
}

bool text_is_phrase(const char *text, size_t length)
{
    if (length == 0 || text[0] == ' ' || text[length - 1] == ' ')
        return false;
    for (size_t i = 0; i < length; i++)
        if (text[i] < 0x20 || text[i] > 0x7E)
            return false;
    return true;
}

/* Control characters in UTF-8: bytes below 0x20, DEL, and C1 (U+0080 to
 * U+009F, encoded as 0xC2 0x80..0x9F). Jansson guarantees valid UTF-8. */
static bool has_control(const char *text, size_t length, bool line_feeds_allowed)
{
    const unsigned char *bytes = (const unsigned char *)text;
    for (size_t i = 0; i < length; i++) {
        if (bytes[i] == '\n' && line_feeds_allowed)
            continue;
        if (bytes[i] < 0x20 || bytes[i] == 0x7F)
            return true;
        if (bytes[i] == 0xC2 && i + 1 < length && bytes[i + 1] >= 0x80 && bytes[i + 1] <= 0x9F)
            return true;
    }
    return false;
}

bool text_is_single_line(const char *text, size_t length)
{
    return !has_control(text, length, false);
}

bool text_is_multi_line(const char *text, size_t length)
{
    return !has_control(text, length, true);
}

static bool is_identifier(const char *text, char first_lo, char first_hi)
{
    if (*text < first_lo || *text > first_hi)
        return false;
    for (const char *c = text; *c; c++) {
        bool letter = *c >= first_lo && *c <= first_hi;
        if (!letter && !(*c >= '0' && *c <= '9') && *c != '_')
            return false;
    }
    return true;
}

bool text_is_lower_identifier(const char *text)
{
    return is_identifier(text, 'a', 'z');
}

bool text_is_upper_identifier(const char *text)
{
    return is_identifier(text, 'A', 'Z');
}

/* Keywords of C (through C23) and C++ (through C++20) that a lower-case
 * identifier could spell; the registry name becomes a C prefix and type name. */
static const char *const keywords[] = {
    "alignas",
    "alignof",
    "and",
    "and_eq",
    "asm",
    "auto",
    "bitand",
    "bitor",
    "bool",
    "break",
    "case",
    "catch",
    "char",
    "char16_t",
    "char32_t",
    "char8_t",
    "class",
    "co_await",
    "co_return",
    "co_yield",
    "compl",
    "concept",
    "const",
    "const_cast",
    "consteval",
    "constexpr",
    "constinit",
    "continue",
    "decltype",
    "default",
    "delete",
    "do",
    "double",
    "dynamic_cast",
    "else",
    "enum",
    "explicit",
    "export",
    "extern",
    "false",
    "float",
    "for",
    "friend",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "mutable",
    "namespace",
    "new",
    "noexcept",
    "not",
    "not_eq",
    "nullptr",
    "operator",
    "or",
    "or_eq",
    "private",
    "protected",
    "public",
    "register",
    "reinterpret_cast",
    "requires",
    "restrict",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "static_assert",
    "static_cast",
    "struct",
    "switch",
    "template",
    "this",
    "thread_local",
    "throw",
    "true",
    "try",
    "typedef",
    "typeid",
    "typename",
    "typeof",
    "typeof_unqual",
    "union",
    "unsigned",
    "using",
    "virtual",
    "void",
    "volatile",
    "wchar_t",
    "while",
    "xor",
    "xor_eq",
};

/* Keywords of the languages regen ships templates for, that a lower-case
 * identifier could spell: a field of the registry's own becomes a member,
 * an attribute or a property named as declared in each. */
static const char *const python_keywords[] = {
    "and",    "as",   "assert", "async",  "await",  "break",   "class",    "continue",
    "def",    "del",  "elif",   "else",   "except", "finally", "for",      "from",
    "global", "if",   "import", "in",     "is",     "lambda",  "nonlocal", "not",
    "or",     "pass", "raise",  "return", "try",    "while",   "with",     "yield",
};
static const char *const typescript_keywords[] = {
    "break",  "case",     "catch",  "class",      "const",   "continue",  "debugger",   "default",
    "delete", "do",       "else",   "enum",       "export",  "extends",   "false",      "finally",
    "for",    "function", "if",     "implements", "import",  "in",        "instanceof", "interface",
    "let",    "new",      "null",   "package",    "private", "protected", "public",     "return",
    "static", "super",    "switch", "this",       "throw",   "true",      "try",        "typeof",
    "var",    "void",     "while",  "with",       "yield",
};
static const char *const rust_keywords[] = {
    "abstract", "as",      "async",    "await", "become", "box",    "break",  "const",  "continue",
    "crate",    "do",      "dyn",      "else",  "enum",   "extern", "false",  "final",  "fn",
    "for",      "if",      "impl",     "in",    "let",    "loop",   "macro",  "match",  "mod",
    "move",     "mut",     "override", "priv",  "pub",    "ref",    "return", "self",   "static",
    "struct",   "super",   "trait",    "true",  "try",    "type",   "typeof", "unsafe", "unsized",
    "use",      "virtual", "where",    "while", "yield",
};
static const char *const go_keywords[] = {
    "break",  "case",        "chan", "const",   "continue", "default", "defer",
    "else",   "fallthrough", "for",  "func",    "go",       "goto",    "if",
    "import", "interface",   "map",  "package", "range",    "return",  "select",
    "struct", "switch",      "type", "var",
};

static bool is_in(const char *text, const char *const *words, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(text, words[i]) == 0)
            return true;
    return false;
}

/* Each language's keywords, in the order text_keyword_language tries them. */
static const struct {
    const char *language;
    const char *const *words;
    size_t count;
} keyword_sets[] = {
#define KEYWORDS(language, words)                                                                  \
    {                                                                                              \
        language, words, sizeof words / sizeof *words                                              \
    }
    KEYWORDS("C or C++", keywords),
    KEYWORDS("Python", python_keywords),
    KEYWORDS("TypeScript", typescript_keywords),
    KEYWORDS("Rust", rust_keywords),
    KEYWORDS("Go", go_keywords),
#undef KEYWORDS
};

const char *text_keyword_language(const char *text)
{
    for (size_t i = 0; i < sizeof keyword_sets / sizeof *keyword_sets; i++)
        if (is_in(text, keyword_sets[i].words, keyword_sets[i].count))
            return keyword_sets[i].language;
    return NULL;
}

bool text_is_keyword_of(const char *text, const char *language)
{
    for (size_t i = 0; i < sizeof keyword_sets / sizeof *keyword_sets; i++)
        if (strcmp(keyword_sets[i].language, language) == 0)
            return is_in(text, keyword_sets[i].words, keyword_sets[i].count);
    return false;
}

bool text_is_c_keyword(const char *text)
{
    return is_in(text, keywords, sizeof keywords / sizeof *keywords);
}

static bool is_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static char ascii_upper(char c)
{
    return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

char *text_name_from_reason(const char *reason)
{
    char *name = malloc(strlen(reason) + 1);
    if (!name)
        return NULL;
    size_t length = 0;
    bool pending_separator = false;
    for (const char *c = reason; *c; c++) {
        char upper = ascii_upper(*c);
        if (!is_name_char(upper)) {
            pending_separator = length > 0; /* no leading '_' */
            continue;
        }
        if (pending_separator)
            name[length++] = '_';
        pending_separator = false;
        name[length++] = upper;
    }
    name[length] = '\0'; /* a trailing run was never written */
    return name;
}

char *text_upper(const char *text)
{
    char *upper = strdup(text);
    for (char *c = upper; upper && *c; c++)
        *c = ascii_upper(*c);
    return upper;
}

char *text_fold(const char *text)
{
    char *folded = strdup(text);
    for (char *c = folded; folded && *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
    return folded;
}

const char *text_quote(const char *text, size_t length, char *buffer, size_t size)
{
    size_t used = 0, characters = 0;
    for (size_t i = 0; i < length && used + 8 < size; i++) {
        unsigned char byte = (unsigned char)text[i];
        bool starts_character = (byte & 0xC0) != 0x80;
        if (starts_character && characters++ == 40) {
            used += (size_t)snprintf(buffer + used, size - used, "...");
            break;
        }
        if (byte < 0x20 || byte == 0x7F)
            used += (size_t)snprintf(buffer + used, size - used, "\\x%02X", byte);
        else
            buffer[used++] = (char)byte;
    }
    buffer[used] = '\0';
    return buffer;
}
