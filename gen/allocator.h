/* allocator.h: where the model's memory comes from. */
#ifndef REGEN_ALLOCATOR_H
#define REGEN_ALLOCATOR_H

/* Gives Jansson the faster allocator when regen was built with one (see
 * allocator.c). Call before the first Jansson value is made. */
void allocator_install(void);

#endif
