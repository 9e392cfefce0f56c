/* derive.h: what the artifacts need beyond what the registry says.
 *
 * Runs only on a registry that passed the check. Each entry gets its
 * symbolic name (derived from the reason when absent), its class, and every
 * optional list (former, flags) even when empty; entries are rebuilt in the
 * key order of fields.h and sorted by code, then name, so that no artifact
 * depends on how the YAML was written. */
#ifndef REGEN_DERIVE_H
#define REGEN_DERIVE_H

#include <jansson.h>
#include <stdbool.h>

bool derive_model(json_t *model);

#endif
