/* check_codes.c: the code entries, one after another. Each entry is checked
 * on its own, then claims its code, its phrases and its name in sets of
 * those claimed before it: the first of two equal values is the one an
 * error points back to. */
#include "check_codes.h"
#include "key_set.h"
#include "check_langs.h"
#include "lang_names.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the entries before the current one have claimed. */
struct claims {
    struct key_set *official_codes; /* "404" -> code node of the one entry not unofficial */
    struct key_set *phrases;        /* folded phrase -> its node */
    struct key_set *names;          /* NAME -> the node it came from (name or reason) */
    struct key_set *lang_names[MAX_LANG_RULES]; /* per chosen language: NotFound -> node */
    bool out_of_memory;                         /* a key could not be kept */
};

/* ---- each entry on its own -------------------------------------------- */

static void check_status(struct checker *checker, json_t *entry)
{
    const json_t *node = json_object_get(entry, "status");
    const char *status = json_string_value(node);
    if (!status)
        return;
    for (size_t i = 0; i < STATUS_COUNT; i++)
        if (strcmp(status, entry_statuses[i]) == 0)
            return;
    char quoted[QUOTE_BUFFER];
    check_error(checker, node,
                "unknown status '%s' (expected standard, deprecated, reserved or unofficial)",
                check_quoted(node, quoted));
    json_object_del(entry, "status");
}

static void check_origin(struct checker *checker, const json_t *entry, const char *status)
{
    if (status && strcmp(status, "unofficial") == 0 && !json_object_get(entry, "origin"))
        check_error(checker, entry, "an unofficial code needs an 'origin' (who defines it)");
}

static void check_url(struct checker *checker, const json_t *entry)
{
    const json_t *node = json_object_get(entry, "url");
    const char *url = json_string_value(node);
    if (!url)
        return;
    bool has_scheme = strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0;
    if (!has_scheme || strpbrk(url, " <>\"`"))
        check_error(checker, node,
                    "'url' must start with http:// or https:// and hold no space, <, >, \" or `");
}

static void check_entry_flags(struct checker *checker, const json_t *entry,
                              const struct registry_facts *facts)
{
    const json_t *flags = json_object_get(entry, "flags");
    size_t index;
    json_t *flag;
    json_array_foreach (flags, index, flag) {
        const char *name = json_string_value(flag);
        char quoted[QUOTE_BUFFER];
        if (facts->flags_known && !json_object_get(facts->flag_names, name)) {
            check_error(checker, flag, "unknown flag '%s' (not in registry.flags)",
                        check_quoted(flag, quoted));
            continue;
        }
        for (size_t earlier = 0; earlier < index; earlier++)
            if (json_equal(json_array_get(flags, earlier), flag)) {
                check_error(checker, flag, "flag '%s' is listed twice", check_quoted(flag, quoted));
                break;
            }
    }
}

/* ---- what each entry claims among all --------------------------------- */

/* The node KEY was first claimed by; NULL when none was, and then NODE
 * claims it. */
static const json_t *claim(struct key_set *set, const char *key, const json_t *node,
                           struct claims *claims)
{
    const json_t *first = NULL;
    if (!key_set_claim(set, key, strlen(key), node, &first))
        claims->out_of_memory = true;
    return first;
}

/* The class whose range holds CODE, or NULL (the ranges are sorted). */
static const struct class_range *class_holding(const struct registry_facts *facts, long code)
{
    size_t low = 0, high = facts->class_count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const struct class_range *range = &facts->classes[middle];
        if (code < range->min)
            high = middle;
        else if (code > range->max)
            low = middle + 1;
        else
            return range;
    }
    return NULL;
}

static void claim_code(struct checker *checker, const json_t *entry, const char *status,
                       const struct registry_facts *facts, struct claims *claims)
{
    const json_t *node = json_object_get(entry, "code");
    if (!node)
        return;
    long code = (long)json_integer_value(node);
    if (facts->range_known && (code < facts->min || code > facts->max))
        check_error(checker, node, "code %ld is outside the registry's range %ld-%ld", code,
                    facts->min, facts->max);
    else if (facts->classes && !class_holding(facts, code))
        check_error(checker, node, "code %ld is in no class of registry.classes", code);
    if (!status || strcmp(status, "unofficial") == 0)
        return; /* unofficial entries may share a code with anything */
    char key[32];
    snprintf(key, sizeof key, "%ld", code);
    const json_t *first = claim(claims->official_codes, key, node, claims);
    if (first) {
        struct mark at = mark_of(checker->where, first);
        check_error(checker, node, "duplicate code %s (first at %d:%d)", key, at.line, at.col);
    }
}

/* The phrases an entry has claimed so far: each exactly as written, and
 * folded (ASCII case), to the node of its first. */
struct own_phrases {
    json_t *exact, *folded;
};

/* One phrase of an entry: unique across entries, ignoring ASCII case, since
 * from_reason could not tell them apart. Within the entry, the same phrase
 * in another case is history recorded as written (RFC 2616's "HTTP Version
 * not supported"): accepted, and claimed once; the same bytes twice are an
 * error. True when another entry holds it already. */
static bool claim_phrase(struct checker *checker, const json_t *phrase, struct own_phrases *own,
                         struct claims *claims)
{
    const char *text = json_string_value(phrase);
    char *folded = text_fold(text);
    char quoted[QUOTE_BUFFER];
    const json_t *first = NULL;
    if (!folded) {
        claims->out_of_memory = true;
    } else if (json_object_get(own->exact, text)) {
        check_error(checker, phrase, "phrase '%s' repeats one of this entry's phrases",
                    check_quoted(phrase, quoted));
    } else if (json_object_get(own->folded, folded)) {
        json_object_set(own->exact, text, (json_t *)phrase); /* another case: claimed */
    } else if ((first = claim(claims->phrases, folded, phrase, claims))) {
        struct mark at = mark_of(checker->where, first);
        check_error(checker, phrase,
                    "phrase '%s' is already used, ignoring case (first at %d:%d); "
                    "from_reason could not tell them apart",
                    check_quoted(phrase, quoted), at.line, at.col);
    } else if (own->exact) {
        json_object_set(own->exact, text, (json_t *)phrase);
        json_object_set(own->folded, folded, (json_t *)phrase);
    }
    free(folded);
    return first != NULL;
}

/* The reason, then the former phrases, then the other spellings. True
 * when the reason is another entry's phrase already. */
static bool claim_phrases(struct checker *checker, const json_t *entry, struct claims *claims)
{
    static const char *const lists[] = {"former", "spellings"};
    const json_t *reason = json_object_get(entry, "reason");
    /* Most entries have a reason alone, which can repeat nothing of its own. */
    bool alone = !json_array_size(json_object_get(entry, lists[0])) &&
                 !json_array_size(json_object_get(entry, lists[1]));
    struct own_phrases own = {alone ? NULL : json_object(), alone ? NULL : json_object()};
    bool reason_taken = reason && claim_phrase(checker, reason, &own, claims);
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        size_t index;
        json_t *phrase;
        json_array_foreach (json_object_get(entry, lists[i]), index, phrase)
            claim_phrase(checker, phrase, &own, claims);
    }
    json_decref(own.exact);
    json_decref(own.folded);
    return reason_taken;
}

/* NAME as each chosen language writes it: not a keyword or a name of the
 * module there, and not another entry's. */
static void claim_lang_names(struct checker *checker, const json_t *source, const char *name,
                             struct claims *claims)
{
    for (size_t i = 0; i < checker->lang_count; i++)
        check_lang_claim(checker, checker->langs[i], claims->lang_names[i], source, name, "name");
}

/* The entry's symbolic name, given or derived from the reason: its form,
 * the names the generated header defines, and the names claimed before.
 * A derived name that repeats another is not reported when its reason
 * clashed already (REASON_TAKEN): that says it all. */
static void claim_name(struct checker *checker, const json_t *entry,
                       const struct registry_facts *facts, bool reason_taken, struct claims *claims)
{
    const json_t *given = json_object_get(entry, "name");
    const json_t *source = given ? given : json_object_get(entry, "reason");
    if (!source)
        return;
    char *name =
        given ? strdup(json_string_value(given)) : text_name_from_reason(json_string_value(source));
    const char *what = given ? "name" : "name derived from the reason";
    const char *advice = given ? "" : "; give an explicit 'name'";
    const json_t *reserved = name ? json_object_get(facts->reserved_names, name) : NULL;
    const json_t *first;
    char quoted[QUOTE_BUFFER];
    if (!name)
        claims->out_of_memory = true;
    else if (!text_is_upper_identifier(name) && given)
        check_error(checker, source, "name '%s' must match [A-Z][A-Z0-9_]*",
                    check_quoted(source, quoted));
    else if (!text_is_upper_identifier(name))
        check_error(checker, source,
                    "cannot derive a name from reason '%s' (it gives '%s', not [A-Z][A-Z0-9_]*); "
                    "give an explicit 'name'",
                    check_quoted(source, quoted), name);
    else if (strstr(name, "__"))
        check_error(checker, source, "name '%s' must not contain '__' (reserved in C++)", name);
    else if (reserved)
        check_error(checker, source, "%s '%s' is taken by the generated header (%s)%s", what, name,
                    json_string_value(reserved), given ? "; choose another 'name'" : advice);
    else if ((first = claim(claims->names, name, source, claims)) && !(reason_taken && !given)) {
        struct mark at = mark_of(checker->where, first);
        check_error(checker, source, "%s '%s' is already used (first at %d:%d)%s", what,
                    text_quote(name, strlen(name), quoted, sizeof quoted), at.line, at.col, advice);
    } else if (!first) {
        claim_lang_names(checker, source, name, claims);
    }
    free(name);
}

/* ---- the entries, in order -------------------------------------------- */

static void check_entry(struct checker *checker, json_t *entry, const struct registry_facts *facts,
                        struct claims *claims)
{
    bool name_given = json_is_object(entry) && json_object_get(entry, "name");
    bool status_given = json_is_object(entry) && json_object_get(entry, "status");
    if (!check_fields(checker, entry, facts->entry_fields))
        return;
    check_status(checker, entry);
    /* Left out, the status is the field's default; given but invalid, it is
     * unknown (reported), and the checks that need it let the entry be. */
    const char *status = json_string_value(json_object_get(entry, "status"));
    if (!status_given)
        status = field_named(&entry_kind, "status")->fallback;
    check_origin(checker, entry, status);
    check_url(checker, entry);
    check_entry_flags(checker, entry, facts);
    claim_code(checker, entry, status, facts, claims);
    bool reason_taken = claim_phrases(checker, entry, claims);
    /* A name given but invalid is reported and gone: nothing to claim. */
    if (!name_given || json_object_get(entry, "name"))
        claim_name(checker, entry, facts, reason_taken, claims);
}

void check_codes(struct checker *checker, json_t *codes, const struct registry_facts *facts)
{
    size_t count = json_array_size(codes), index;
    struct claims claims = {
        key_set_new(count), key_set_new(2 * count), key_set_new(count), {0}, false};
    bool made = claims.official_codes && claims.phrases && claims.names;
    for (size_t i = 0; i < checker->lang_count; i++)
        made = made && (claims.lang_names[i] = key_set_new(count)) != NULL;
    json_t *entry;
    if (made)
        json_array_foreach (codes, index, entry)
            check_entry(checker, entry, facts, &claims);
    else
        claims.out_of_memory = true;
    if (claims.out_of_memory)
        check_error_at(checker, (struct mark){0, 0},
                       "out of memory while checking that codes, names and phrases are unique");
    key_set_free(claims.official_codes);
    key_set_free(claims.phrases);
    key_set_free(claims.names);
    for (size_t i = 0; i < checker->lang_count; i++)
        key_set_free(claims.lang_names[i]);
}
