/* render.h: the model turned into artifacts, in memory. */
#ifndef REGEN_RENDER_H
#define REGEN_RENDER_H

#include "artifact.h"
#include "diag.h"

#include <jansson.h>

/* Returns EXIT_OK, or another exit status after reporting why. */
int render_artifacts(const json_t *model, struct artifacts *artifacts, struct diags *diags);

#endif
