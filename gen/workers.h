/* workers.h: independent jobs spread over the machine's processors. */
#ifndef REGEN_WORKERS_H
#define REGEN_WORKERS_H

#include <stddef.h>

/* Calls JOB(CONTEXT, i) once for every i below COUNT, on up to one thread
 * per online processor, and returns when all have returned. Jobs must not
 * share mutable state; which thread runs which job is not fixed, so
 * anything a job produces goes in a place of its own, indexed by i. */
void workers_run(size_t count, void (*job)(void *context, size_t index), void *context);

#endif
