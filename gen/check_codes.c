/* check_codes.c: the code entries, each alone (in chunks at once) and then
 * all together, in order. */
#include "check.h"
#include "key_set.h"
#include "text.h"
#include "workers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct field code_fields[] = {
    {"code", VALUE_INTEGER, true},     {"reason", VALUE_PHRASE, true},
    {"name", VALUE_LINE, false},       {"status", VALUE_LINE, true},
    {"origin", VALUE_LINE, false},     {"spec", VALUE_LINE, false},
    {"url", VALUE_LINE, false},        {"since", VALUE_LINE, false},
    {"former", VALUE_PHRASES, false},  {"flags", VALUE_LINES, false},
    {"description", VALUE_TEXT, true},
};

static const char *const statuses[] = {"standard", "deprecated", "reserved", "unofficial"};

/* What all entries are checked against together: the first of each kind. */
struct seen {
    struct key_set *official_codes; /* "404" -> code node of the one entry not unofficial */
    struct key_set *names;          /* NAME -> the node it came from (name or reason) */
    struct key_set *phrases;        /* folded phrase -> its node */
    bool out_of_memory;             /* a key could not be kept: reported once, at the end */
};

static void remember(struct seen *seen, struct key_set *set, const char *key, const json_t *node)
{
    if (!key_set_add(set, key, strlen(key), node))
        seen->out_of_memory = true;
}

static const json_t *recalled(const struct key_set *set, const char *key)
{
    return key_set_find(set, key, strlen(key));
}

/* TEXT quoted for a message, into BUFFER (QUOTE_BUFFER bytes). Done only
 * when reporting: nearly every value passes. */
static const char *quote_of(const json_t *text, char *buffer)
{
    return text_quote(json_string_value(text), json_string_length(text), buffer, QUOTE_BUFFER);
}

static const char *status_of(const json_t *entry)
{
    return json_string_value(json_object_get(entry, "status"));
}

static void check_status(struct checker *checker, json_t *entry)
{
    const json_t *node = json_object_get(entry, "status");
    const char *status = json_string_value(node);
    if (!status)
        return;
    for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++)
        if (strcmp(status, statuses[i]) == 0)
            return;
    char quoted[QUOTE_BUFFER];
    check_error(checker, node,
                "unknown status '%s' (expected standard, deprecated, reserved or unofficial)",
                quote_of(node, quoted));
    json_object_del(entry, "status");
}

static void check_origin(struct checker *checker, const json_t *entry)
{
    const char *status = status_of(entry);
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

static void check_code_range(struct checker *checker, const json_t *entry,
                             const struct registry_facts *facts)
{
    const json_t *node = json_object_get(entry, "code");
    if (!node || !facts->range_known)
        return;
    long code = (long)json_integer_value(node);
    if (code < facts->min || code > facts->max)
        check_error(checker, node, "code %ld is outside the registry's range %ld-%ld", code,
                    facts->min, facts->max);
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
                        quote_of(flag, quoted));
            continue;
        }
        for (size_t earlier = 0; earlier < index; earlier++)
            if (json_equal(json_array_get(flags, earlier), flag)) {
                check_error(checker, flag, "flag '%s' is listed twice", quote_of(flag, quoted));
                break;
            }
    }
}

static void report_taken(struct checker *checker, const json_t *node, const json_t *first,
                         const char *what, const char *value, const char *advice)
{
    struct mark at = mark_of(checker->where, first);
    char quoted[QUOTE_BUFFER];
    check_error(checker, node, "%s '%s' is already used (first at %d:%d)%s", what,
                text_quote(value, strlen(value), quoted, sizeof quoted), at.line, at.col, advice);
}

/* The entry's symbolic name, given or derived from the reason, checked for
 * form, for the header's own names, and for uniqueness. NAME_DROPPED: a name
 * was given but was invalid (already reported); REASON_TAKEN: the reason
 * clashes with another phrase (already reported, and a derived name would
 * only repeat that). */
static void check_name(struct checker *checker, const json_t *entry,
                       const struct registry_facts *facts, struct seen *seen, bool name_dropped,
                       bool reason_taken)
{
    const json_t *given = json_object_get(entry, "name");
    const json_t *reason = json_object_get(entry, "reason");
    const json_t *source = given ? given : reason;
    if (!source || name_dropped)
        return;
    char *name =
        given ? strdup(json_string_value(given)) : text_name_from_reason(json_string_value(reason));
    char quoted[QUOTE_BUFFER];
    const json_t *reserved = json_object_get(facts->reserved_names, name);
    const json_t *first = recalled(seen->names, name);
    if (!given && !text_is_upper_identifier(name))
        check_error(checker, source,
                    "cannot derive a name from reason '%s' (it gives '%s', not [A-Z][A-Z0-9_]*); "
                    "give an explicit 'name'",
                    quote_of(source, quoted), name);
    else if (!text_is_upper_identifier(name))
        check_error(checker, source, "name '%s' must match [A-Z][A-Z0-9_]*",
                    quote_of(source, quoted));
    else if (strstr(name, "__"))
        check_error(checker, source, "name '%s' must not contain '__' (reserved in C++)", name);
    else if (reserved)
        check_error(checker, source, "%s '%s' is taken by the generated header (%s)%s",
                    given ? "name" : "name derived from the reason", name,
                    json_string_value(reserved), given ? "" : "; give an explicit 'name'");
    else if (first && !(reason_taken && !given))
        report_taken(checker, source, first, given ? "name" : "name derived from the reason", name,
                     given ? "" : "; give an explicit 'name'");
    else if (!first)
        remember(seen, seen->names, name, source);
    free(name);
}

static void check_code_unique(struct checker *checker, const json_t *entry, struct seen *seen)
{
    const json_t *code = json_object_get(entry, "code");
    const char *status = status_of(entry);
    if (!code || !status || strcmp(status, "unofficial") == 0)
        return; /* unofficial entries may share a code with anything */
    char key[TEXT_INTEGER_BYTES];
    text_from_integer((long long)json_integer_value(code), key);
    const json_t *first = recalled(seen->official_codes, key);
    if (!first) {
        remember(seen, seen->official_codes, key, code);
        return;
    }
    struct mark at = mark_of(checker->where, first);
    check_error(checker, code, "duplicate code %s (first at %d:%d)", key, at.line, at.col);
}

/* One phrase of an entry: unique across entries, ignoring ASCII case, since
 * from_reason could not tell them apart. EARLIER are the entry's own phrases
 * seen before it. */
static bool check_phrase(struct checker *checker, const json_t *phrase, json_t *earlier,
                         struct seen *seen)
{
    bool taken = false;
    const json_t *first;
    char *folded = text_fold(json_string_value(phrase));
    char quoted[QUOTE_BUFFER];
    if (earlier && json_object_get(earlier, folded)) {
        check_error(checker, phrase, "phrase '%s' repeats one of this entry's phrases",
                    quote_of(phrase, quoted));
    } else if ((first = recalled(seen->phrases, folded))) {
        struct mark at = mark_of(checker->where, first);
        check_error(checker, phrase,
                    "phrase '%s' is already used, ignoring case (first at %d:%d); "
                    "from_reason could not tell them apart",
                    quote_of(phrase, quoted), at.line, at.col);
        taken = true;
    } else {
        remember(seen, seen->phrases, folded, phrase);
        if (earlier)
            json_object_set(earlier, folded, (json_t *)phrase);
    }
    free(folded);
    return taken;
}

/* Returns true when the reason clashes with another entry's phrase. */
static bool check_phrases(struct checker *checker, const json_t *entry, struct seen *seen)
{
    /* Most entries have no former phrase, and then nothing to repeat. */
    json_t *earlier = json_array_size(json_object_get(entry, "former")) ? json_object() : NULL;
    const json_t *reason = json_object_get(entry, "reason");
    bool reason_taken = reason && check_phrase(checker, reason, earlier, seen);
    size_t index;
    json_t *former;
    json_array_foreach (json_object_get(entry, "former"), index, former)
        check_phrase(checker, former, earlier, seen);
    json_decref(earlier);
    return reason_taken;
}

/* The checks of one entry alone, which change only that entry: run on
 * chunks of entries at once (workers.h). False when the entry is no
 * mapping, and so is left out of the checks of all entries together. */
static bool check_entry_alone(struct checker *checker, json_t *entry,
                              const struct registry_facts *facts, bool *name_dropped)
{
    bool name_given = json_is_object(entry) && json_object_get(entry, "name");
    if (!check_fields(checker, entry, "a code entry", code_fields,
                      sizeof code_fields / sizeof *code_fields))
        return false;
    *name_dropped = name_given && !json_object_get(entry, "name");
    check_status(checker, entry);
    check_origin(checker, entry);
    check_url(checker, entry);
    check_entry_flags(checker, entry, facts);
    return true;
}

/* What the first pass learned of each entry, for the second. */
struct entry_state {
    bool checked; /* a mapping, checked alone */
    bool name_dropped;
};

/* The first pass: each chunk reports into diags of its own and holds back
 * the locations of the integers it makes, so that the threads only read
 * the location table. */
struct first_pass {
    const struct checker *checker;
    const json_t *codes;
    const struct registry_facts *facts;
    struct entry_state *states;
    struct diags diags[WORKERS_CHUNKS];
    struct placed_nodes placed[WORKERS_CHUNKS];
};

static void check_chunk(void *pass_pointer, size_t chunk)
{
    struct first_pass *pass = pass_pointer;
    struct checker checker = {pass->checker->file, pass->checker->where, &pass->diags[chunk],
                              &pass->placed[chunk]};
    size_t first, end;
    workers_chunk(chunk, json_array_size(pass->codes), &first, &end);
    for (size_t i = first; i < end; i++) {
        struct entry_state *state = &pass->states[i];
        state->checked = check_entry_alone(&checker, json_array_get(pass->codes, i), pass->facts,
                                           &state->name_dropped);
    }
}

/* Each entry alone, in chunks at once; the chunks' errors and locations
 * are then taken in entry order, so the output is the same on any number
 * of processors. False when out of memory. */
static bool check_entries_alone(struct checker *checker, const json_t *codes,
                                const struct registry_facts *facts, struct entry_state *states)
{
    struct first_pass pass = {.checker = checker, .codes = codes, .facts = facts, .states = states};
    workers_run(WORKERS_CHUNKS, check_chunk, &pass);
    bool ok = true;
    for (size_t chunk = 0; chunk < WORKERS_CHUNKS; chunk++) {
        diags_append(checker->diags, &pass.diags[chunk]);
        ok = placed_nodes_put(&pass.placed[chunk], checker->where) && ok;
    }
    return ok;
}

/* The checks that compare an entry with those before it, in entry order:
 * the first of two equal values is the one an error points back to. */
static void check_entry_together(struct checker *checker, const json_t *entry,
                                 const struct registry_facts *facts, struct seen *seen,
                                 bool name_dropped)
{
    check_code_range(checker, entry, facts);
    check_code_unique(checker, entry, seen);
    bool reason_taken = check_phrases(checker, entry, seen);
    check_name(checker, entry, facts, seen, name_dropped, reason_taken);
}

void check_codes(struct checker *checker, json_t *codes, const struct registry_facts *facts)
{
    size_t count = json_array_size(codes);
    struct seen seen = {key_set_new(count), key_set_new(count), key_set_new(2 * count), false};
    struct entry_state *states = calloc(count + 1, sizeof *states);
    bool ready = seen.official_codes && seen.names && seen.phrases && states;
    if (ready && !check_entries_alone(checker, codes, facts, states))
        seen.out_of_memory = true;
    for (size_t i = 0; ready && i < count; i++)
        if (states[i].checked)
            check_entry_together(checker, json_array_get(codes, i), facts, &seen,
                                 states[i].name_dropped);
    if (!ready || seen.out_of_memory)
        check_error_at(checker, (struct mark){0, 0},
                       "out of memory while checking that codes, names and phrases are unique");
    free(states);
    key_set_free(seen.official_codes);
    key_set_free(seen.names);
    key_set_free(seen.phrases);
}
