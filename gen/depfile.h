/* depfile.h: a Make-style depfile naming the artifacts and what they were
 * made from (the registry, and with -t the template directory and files), so that
 * meson/ninja or make rebuild exactly when one of those changes. */
#ifndef REGEN_DEPFILE_H
#define REGEN_DEPFILE_H

#include "artifact.h"
#include "inputs.h"

/* Returns EXIT_OK or EXIT_TROUBLE (reported). */
int write_depfile(const char *path, const char *output_dir, const struct artifacts *artifacts,
                  const char *registry, const struct inputs *inputs);

#endif
