/* fuzz_pipeline.c: libFuzzer over the whole pipeline in memory. Any bytes
 * as registry.yaml: load, check, derive, annotate, lookup tables and, when
 * the registry is valid, every built-in template rendered. Nothing may crash,
 * leak or read out of bounds (the build adds ASan and UBSan). */
#include "artifact.h"
#include "pipeline.h"
#include "render.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every language's name checks run too. */
static const char *const langs[] = {"all"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > ((size_t)1 << 20))
        return 0; /* the size limit is tested on its own; keep runs fast */
    char *bytes = malloc(size + 1);
    if (!bytes)
        return 0;
    memcpy(bytes, data, size);
    bytes[size] = '\0';
    struct source source = {"fuzz.yaml", bytes, size};
    struct diags diags = {0};
    json_t *model = NULL;
    if (pipeline_model(&source, "fuzz.yaml", langs, 1, &diags, &model) == EXIT_OK) {
        struct artifacts artifacts = {0};
        struct inputs inputs = {0};
        struct template_choice every_set = {NULL, langs, 1};
        render_artifacts(model, &every_set, &artifacts, &inputs, &diags);
        artifacts_free(&artifacts);
        inputs_free(&inputs);
    }
    json_decref(model);
    diags_free(&diags);
    free(bytes);
    return 0;
}
