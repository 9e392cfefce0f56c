/* check_codes.c: the code entries, each alone (in chunks at once), then all
 * together (check_unique.c). */
#include "check.h"
#include "check_unique.h"
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
                check_quoted(node, quoted));
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

/* The entry's symbolic name, given or derived from the reason, checked for
 * form and against the header's own names. NAME_DROPPED: a name was given
 * but was invalid (already reported). */
static void judge_name(const json_t *entry, const struct registry_facts *facts, bool name_dropped,
                       struct entry_state *state)
{
    const json_t *given = json_object_get(entry, "name");
    state->name_given = given != NULL;
    state->name_source = given ? given : state->reason;
    if (!state->name_source || name_dropped)
        return;
    state->name = given ? strdup(json_string_value(given))
                        : text_name_from_reason(json_string_value(state->reason));
    if (!state->name) {
        state->out_of_memory = true;
        return;
    }
    const json_t *reserved = json_object_get(facts->reserved_names, state->name);
    if (!text_is_upper_identifier(state->name))
        state->name_verdict = given ? NAME_MALFORMED : NAME_UNDERIVABLE;
    else if (strstr(state->name, "__"))
        state->name_verdict = NAME_DOUBLE_UNDERSCORE;
    else if (reserved)
        state->name_verdict = NAME_RESERVED;
    else
        state->name_verdict = NAME_VALID;
    state->reserved_for = json_string_value(reserved);
}

/* What the checks together need of ENTRY, read into STATE. */
static void learn_entry(const json_t *entry, const struct registry_facts *facts, bool name_dropped,
                        struct entry_state *state)
{
    const char *status = status_of(entry);
    state->code = json_object_get(entry, "code");
    state->official = status && strcmp(status, "unofficial") != 0;
    size_t length = text_from_integer((long long)json_integer_value(state->code), state->code_key);
    state->code_hash = key_set_hash(state->code_key, length);
    state->reason = json_object_get(entry, "reason");
    state->has_former = json_array_size(json_object_get(entry, "former")) > 0;
    if (state->reason && !(state->folded_reason = text_fold(json_string_value(state->reason))))
        state->out_of_memory = true;
    if (state->folded_reason)
        state->reason_hash = key_set_hash(state->folded_reason, strlen(state->folded_reason));
    judge_name(entry, facts, name_dropped, state);
    if (state->name)
        state->name_hash = key_set_hash(state->name, strlen(state->name));
}

/* The checks of one entry alone, which change only that entry: run on
 * chunks of entries at once (workers.h). STATE->checked is false when the
 * entry is no mapping, and so is left out of the checks together. */
static void check_entry_alone(struct checker *checker, json_t *entry,
                              const struct registry_facts *facts, struct entry_state *state)
{
    bool name_given = json_is_object(entry) && json_object_get(entry, "name");
    if (!check_fields(checker, entry, "a code entry", code_fields,
                      sizeof code_fields / sizeof *code_fields))
        return;
    bool name_dropped = name_given && !json_object_get(entry, "name");
    check_status(checker, entry);
    check_origin(checker, entry);
    check_url(checker, entry);
    check_entry_flags(checker, entry, facts);
    learn_entry(entry, facts, name_dropped, state);
    state->checked = true;
}

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
    for (size_t i = first; i < end; i++)
        check_entry_alone(&checker, json_array_get(pass->codes, i), pass->facts, &pass->states[i]);
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

static bool any_out_of_memory(const struct entry_state *states, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (states[i].out_of_memory)
            return true;
    return false;
}

void check_codes(struct checker *checker, json_t *codes, const struct registry_facts *facts)
{
    size_t count = json_array_size(codes);
    struct entry_state *states = calloc(count + 1, sizeof *states);
    bool ok = states && check_entries_alone(checker, codes, facts, states) &&
              !any_out_of_memory(states, count) &&
              check_unique(checker, codes, facts, states, count);
    if (!ok)
        check_error_at(checker, (struct mark){0, 0},
                       "out of memory while checking that codes, names and phrases are unique");
    for (size_t i = 0; states && i < count; i++) {
        free(states[i].folded_reason);
        free(states[i].name);
    }
    free(states);
}
