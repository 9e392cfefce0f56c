/* prefetch.h: a hint to start fetching memory that is read soon after.
 *
 * In a model of 100,000 entries most reads of the entries and of the sets
 * built over them miss every cache and wait for memory. Loops that know
 * what they read next ask for it early, so that several misses overlap. */
#ifndef REGEN_PREFETCH_H
#define REGEN_PREFETCH_H

#if defined(__GNUC__)
#define PREFETCH(address) __builtin_prefetch(address)
#else
#define PREFETCH(address) ((void)(address))
#endif

#endif
