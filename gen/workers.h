/* workers.h: independent jobs spread over the machine's processors. */
#ifndef REGEN_WORKERS_H
#define REGEN_WORKERS_H

#include <stddef.h>

/* Calls JOB(CONTEXT, i) once for every i below COUNT, on up to one thread
 * per online processor, and returns when all have returned. Jobs must not
 * share mutable state; which thread runs which job is not fixed, so
 * anything a job produces goes in a place of its own, indexed by i. */
void workers_run(size_t count, void (*job)(void *context, size_t index), void *context);

/* Work over COUNT items in WORKERS_CHUNKS jobs: chunk CHUNK covers the
 * items from *FIRST up to, not including, *END. */
#define WORKERS_CHUNKS 8
void workers_chunk(size_t chunk, size_t count, size_t *first, size_t *end);

#endif
