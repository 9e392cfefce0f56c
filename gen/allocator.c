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
    /* 2 MiB pages where the system offers them (transparent huge pages),
     * committed as soon as a segment is made: a page fault per 2 MiB, not
     * per 4 KiB. At 100,000 entries regen touches some 800 MB (the model,
     * and every artifact in memory), and on a virtual machine, where a
     * fault is dear, the faults took more time than the work: median of 9
     * runs 5.9 s -> 3.3 s. A small registry touches a few pages either
     * way. */
    mi_option_enable(mi_option_large_os_pages);
    mi_option_set(mi_option_eager_commit_delay, 0);
    json_set_alloc_funcs(mi_malloc, mi_free);
}
#else
void allocator_install(void)
{
}
#endif
