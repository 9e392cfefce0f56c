/* lookup.h: the tables behind the generated lookups, computed here so that
 * templates only print them (model._lookup; lookup.c gives its shape).
 *
 *   by code    a direct index when the range is small (the code minus the
 *              minimum is the slot: a perfect hash needing no hashing),
 *              else a perfect hash of the code
 *   by reason  a perfect hash of every current and former phrase, ASCII
 *              case folded; keys kept lower-cased in a byte pool, with a
 *              mask of their letter positions for a word-at-a-time compare
 *   by name    a perfect hash of the exact names; keys compared against
 *              the table's own name strings */
#ifndef REGEN_LOOKUP_H
#define REGEN_LOOKUP_H

#include <jansson.h>
#include <stdbool.h>

/* Codes are looked up by direct index when max - min < this. */
#define DIRECT_INDEX_LIMIT 4096

/* Adds model._lookup. False when a perfect hash could not be built within
 * its bound (reported) or memory ran out. */
bool lookup_tables(json_t *model);

#endif
