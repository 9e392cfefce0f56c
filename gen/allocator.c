/* allocator.c: mimalloc for the model, when the build has it.
 *
 * A large registry makes millions of small Jansson values (every entry is an
 * object of some thirty keys, each key a pair and a value). With glibc's
 * malloc, 100,000 entries spend a third of their time in malloc, free and
 * cache misses on values scattered by reuse; mimalloc keeps each size in
 * pages of its own, allocated in order, and measured 35% faster end to end
 * (bench/bench.py). Linking libmimalloc replaces malloc in the whole
 * process (its shared library exports malloc and free); the call below names
 * the allocations that matter, and its reference keeps the library linked
 * under --as-needed.
 *
 * The build leaves it out (REGEN_MIMALLOC undefined) under the sanitizers
 * and valgrind, which must see every allocation, and where the library is
 * missing: the output is the same either way. */
#include "allocator.h"

#include <jansson.h>

#ifdef REGEN_MIMALLOC
#include <mimalloc.h>

void allocator_install(void)
{
    json_set_alloc_funcs(mi_malloc, mi_free);
}
#else
void allocator_install(void)
{
}
#endif
