/* xorshift.h: the tests' pseudo-random numbers (Marsaglia's xorshift64).
 * Each test starts from a fixed seed of its own, so a failing case comes
 * back the same on every machine and every run. */
#ifndef REGEN_TESTS_XORSHIFT_H
#define REGEN_TESTS_XORSHIFT_H

#include <stdint.h>

/* Advances *STATE (never 0) and returns it. */
static inline uint64_t xorshift64(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

#endif
