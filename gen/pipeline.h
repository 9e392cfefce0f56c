/* pipeline.h: registry bytes -> the finished model (load, check, derive,
 * annotate, lookup tables), all in memory. main runs it on a file; the
 * fuzzer runs it on arbitrary bytes. */
#ifndef REGEN_PIPELINE_H
#define REGEN_PIPELINE_H

#include "diag.h"
#include "source.h"

#include <jansson.h>

/* Returns EXIT_OK with *MODEL set, or another exit status with the reasons
 * in DIAGS (or reported). SOURCE->path names the file in errors; the
 * artifacts name it by SOURCE_NAME. LANGS are the language sets chosen
 * ("all" for every one): their names for the entries are checked too. */
int pipeline_model(const struct source *source, const char *source_name, const char *const *langs,
                   size_t lang_count, struct diags *diags, json_t **model);

#endif
