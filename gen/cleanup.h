/* cleanup.h: temporary files to remove if the run is interrupted.
 *
 * Every temporary file is registered before it is created and forgotten once
 * renamed or removed; a SIGINT, SIGTERM or SIGHUP removes what is registered
 * (unlink is async-signal-safe) and then ends the process as the signal
 * would have. So an interrupted run leaves neither a temporary file nor a
 * partial artifact (artifacts are only ever replaced by rename). */
#ifndef REGEN_CLEANUP_H
#define REGEN_CLEANUP_H

#include <stdbool.h>

#define CLEANUP_CAPACITY 256 /* temporary files alive at once: one per template */

void cleanup_install(void);
/* False when CLEANUP_CAPACITY files are already registered. */
bool cleanup_add(char *path);
void cleanup_forget(const char *path);

#endif
