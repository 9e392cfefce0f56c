/* check_unique.h: the code entries all together, in entry order: codes in
 * range and held once, phrases and names used once. The first of two
 * equal values is the one an error points back to. */
#ifndef REGEN_CHECK_UNIQUE_H
#define REGEN_CHECK_UNIQUE_H

#include "check.h"
#include "text.h"

#include <stdint.h>

/* How an entry's name fares on its own: decided while the entry is checked
 * alone, reported after the checks together, so that on one line a name's
 * errors follow its reason's. */
enum name_verdict {
    NAME_NONE,        /* neither a name nor a reason, or the name was dropped */
    NAME_VALID,       /* to be checked for uniqueness */
    NAME_UNDERIVABLE, /* derived from the reason, and no identifier */
    NAME_MALFORMED,   /* given, and no identifier */
    NAME_DOUBLE_UNDERSCORE,
    NAME_RESERVED, /* one the generated header defines */
};

/* What the checks together need of an entry, read while it is checked
 * alone (in chunks at once), so that the passes in entry order look up
 * nothing in the entries: at 100,000 entries each lookup is a chain of
 * cache misses. Hashes are made ahead for the same reason (key_set.h). */
struct entry_state {
    bool checked; /* a mapping, checked alone */
    bool out_of_memory;
    const json_t *code; /* its node, or NULL */
    bool official;      /* its status is known and not unofficial */
    char code_key[TEXT_INTEGER_BYTES];
    uint64_t code_hash;
    const json_t *reason; /* its node, or NULL */
    char *folded_reason;
    uint64_t reason_hash;
    bool has_former;
    enum name_verdict name_verdict;
    bool name_given;
    const json_t *name_source; /* the name, or the reason it is derived from */
    char *name;                /* given or derived */
    uint64_t name_hash;
    const char *reserved_for; /* NAME_RESERVED: what the header uses it for */
    /* Found together. */
    bool reason_taken;        /* the reason clashes with an earlier phrase */
    const json_t *name_first; /* the node of the first entry with its name */
};

/* Checks the COUNT entries of CODES that STATES mark checked, reporting to
 * CHECKER. False when out of memory (not reported). */
bool check_unique(struct checker *checker, const json_t *codes, const struct registry_facts *facts,
                  struct entry_state *states, size_t count);

#endif
