/* check_unique.c: the code entries all together, in entry order (see
 * check_unique.h). Codes and phrases are one job, names another, run at
 * once: each job has its own sets, and a name needs its reason's verdict
 * only to decide whether to report, which waits until both are done. */
#include "check_unique.h"
#include "key_set.h"
#include "prefetch.h"
#include "workers.h"

#include <stdlib.h>
#include <string.h>

/* How many entries ahead a pass fetches the slots it will probe. */
#define FETCH_AHEAD 8

struct together {
    const struct checker *checker; /* its location table is only read */
    const json_t *codes;
    const struct registry_facts *facts;
    struct entry_state *states;
    size_t count;
    struct key_set *official_codes; /* "404" -> code node of the one entry not unofficial */
    struct key_set *phrases;        /* folded phrase -> its node */
    struct key_set *names;          /* NAME -> the node it came from (name or reason) */
    struct diags diags;             /* the codes-and-phrases job's errors */
    bool out_of_memory[2];          /* per job: a key could not be kept */
};

/* The node KEY was first held by; NULL when none was, and then NODE holds
 * it. *OUT_OF_MEMORY when it could not be kept. */
static const json_t *claim(struct key_set *set, const char *key, uint64_t hash, const json_t *node,
                           bool *out_of_memory)
{
    const json_t *first = NULL;
    if (!key_set_claim(set, key, strlen(key), hash, node, &first))
        *out_of_memory = true;
    return first;
}

static void report_taken(struct checker *checker, const json_t *node, const json_t *first,
                         const char *what, const char *value, const char *advice)
{
    struct mark at = mark_of(checker->where, first);
    char quoted[QUOTE_BUFFER];
    check_error(checker, node, "%s '%s' is already used (first at %d:%d)%s", what,
                text_quote(value, strlen(value), quoted, sizeof quoted), at.line, at.col, advice);
}

static void check_code_range(struct checker *checker, const struct entry_state *state,
                             const struct registry_facts *facts)
{
    if (!state->code || !facts->range_known)
        return;
    long code = (long)json_integer_value(state->code);
    if (code < facts->min || code > facts->max)
        check_error(checker, state->code, "code %ld is outside the registry's range %ld-%ld", code,
                    facts->min, facts->max);
}

static void check_code_unique(struct checker *checker, const struct entry_state *state,
                              struct together *together)
{
    if (!state->code || !state->official)
        return; /* unofficial entries may share a code with anything */
    const json_t *first = claim(together->official_codes, state->code_key, state->code_hash,
                                state->code, &together->out_of_memory[0]);
    if (!first)
        return;
    struct mark at = mark_of(checker->where, first);
    check_error(checker, state->code, "duplicate code %s (first at %d:%d)", state->code_key,
                at.line, at.col);
}

/* One phrase of an entry, FOLDED (of HASH): unique across entries,
 * ignoring ASCII case, since from_reason could not tell them apart.
 * EARLIER are the entry's own phrases seen before it. */
static bool check_phrase(struct checker *checker, const json_t *phrase, const char *folded,
                         uint64_t hash, json_t *earlier, struct together *together)
{
    const json_t *first;
    char quoted[QUOTE_BUFFER];
    if (earlier && json_object_get(earlier, folded)) {
        check_error(checker, phrase, "phrase '%s' repeats one of this entry's phrases",
                    check_quoted(phrase, quoted));
    } else if ((first =
                    claim(together->phrases, folded, hash, phrase, &together->out_of_memory[0]))) {
        struct mark at = mark_of(checker->where, first);
        check_error(checker, phrase,
                    "phrase '%s' is already used, ignoring case (first at %d:%d); "
                    "from_reason could not tell them apart",
                    check_quoted(phrase, quoted), at.line, at.col);
        return true;
    } else if (earlier) {
        json_object_set(earlier, folded, (json_t *)phrase);
    }
    return false;
}

static void check_formers(struct checker *checker, const json_t *entry, json_t *earlier,
                          struct together *together)
{
    size_t index;
    json_t *former;
    json_array_foreach (json_object_get(entry, "former"), index, former) {
        char *folded = text_fold(json_string_value(former));
        if (folded)
            check_phrase(checker, former, folded, key_set_hash(folded, strlen(folded)), earlier,
                         together);
        else
            together->out_of_memory[0] = true;
        free(folded);
    }
}

/* Sets STATE->reason_taken when the reason clashes with another entry's
 * phrase. */
static void check_phrases(struct checker *checker, const json_t *entry, struct entry_state *state,
                          struct together *together)
{
    /* Most entries have no former phrase, and then nothing to repeat. */
    json_t *earlier = state->has_former ? json_object() : NULL;
    state->reason_taken =
        state->reason && check_phrase(checker, state->reason, state->folded_reason,
                                      state->reason_hash, earlier, together);
    if (state->has_former)
        check_formers(checker, entry, earlier, together);
    json_decref(earlier);
}

static void check_codes_and_phrases(struct together *together)
{
    struct checker checker = {together->checker->file, together->checker->where, &together->diags,
                              NULL};
    for (size_t i = 0; i < together->count; i++) {
        if (i + FETCH_AHEAD < together->count) {
            const struct entry_state *ahead = &together->states[i + FETCH_AHEAD];
            key_set_prefetch(together->official_codes, ahead->code_hash);
            key_set_prefetch(together->phrases, ahead->reason_hash);
            PREFETCH(ahead->folded_reason);
        }
        struct entry_state *state = &together->states[i];
        if (!state->checked)
            continue;
        check_code_range(&checker, state, together->facts);
        check_code_unique(&checker, state, together);
        check_phrases(&checker, json_array_get(together->codes, i), state, together);
    }
}

/* Which entries' names an earlier entry holds already; reported later. */
static void check_names(struct together *together)
{
    for (size_t i = 0; i < together->count; i++) {
        if (i + FETCH_AHEAD < together->count) {
            const struct entry_state *ahead = &together->states[i + FETCH_AHEAD];
            key_set_prefetch(together->names, ahead->name_hash);
            PREFETCH(ahead->name);
        }
        struct entry_state *state = &together->states[i];
        if (state->checked && state->name_verdict == NAME_VALID)
            state->name_first = claim(together->names, state->name, state->name_hash,
                                      state->name_source, &together->out_of_memory[1]);
    }
}

static void check_together(void *together, size_t job)
{
    if (job == 0)
        check_codes_and_phrases(together);
    else
        check_names(together);
}

/* The name's verdicts, in entry order. A derived name that repeats another
 * is not reported when its reason clashed already: that says it all. */
static void report_name(struct checker *checker, const struct entry_state *state)
{
    const json_t *source = state->name_source;
    const char *name = state->name,
               *what = state->name_given ? "name" : "name derived from the reason";
    const char *advice = state->name_given ? "" : "; give an explicit 'name'";
    char quoted[QUOTE_BUFFER];
    switch (state->name_verdict) {
    case NAME_UNDERIVABLE:
        check_error(checker, source,
                    "cannot derive a name from reason '%s' (it gives '%s', not [A-Z][A-Z0-9_]*); "
                    "give an explicit 'name'",
                    check_quoted(source, quoted), name);
        break;
    case NAME_MALFORMED:
        check_error(checker, source, "name '%s' must match [A-Z][A-Z0-9_]*",
                    check_quoted(source, quoted));
        break;
    case NAME_DOUBLE_UNDERSCORE:
        check_error(checker, source, "name '%s' must not contain '__' (reserved in C++)", name);
        break;
    case NAME_RESERVED:
        check_error(checker, source, "%s '%s' is taken by the generated header (%s)%s", what, name,
                    state->reserved_for, advice);
        break;
    case NAME_VALID:
        if (state->name_first && !(state->reason_taken && !state->name_given))
            report_taken(checker, source, state->name_first, what, name, advice);
        break;
    case NAME_NONE:
        break;
    }
}

bool check_unique(struct checker *checker, const json_t *codes, const struct registry_facts *facts,
                  struct entry_state *states, size_t count)
{
    struct together together = {.checker = checker,
                                .codes = codes,
                                .facts = facts,
                                .states = states,
                                .count = count,
                                .official_codes = key_set_new(count),
                                .phrases = key_set_new(2 * count),
                                .names = key_set_new(count)};
    bool ready = together.official_codes && together.phrases && together.names;
    if (ready) {
        workers_run(2, check_together, &together);
        diags_append(checker->diags, &together.diags);
        for (size_t i = 0; i < count; i++)
            if (states[i].checked)
                report_name(checker, &states[i]);
    }
    key_set_free(together.official_codes);
    key_set_free(together.phrases);
    key_set_free(together.names);
    return ready && !together.out_of_memory[0] && !together.out_of_memory[1];
}
