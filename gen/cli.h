/* cli.h: the command line (SPEC.md, "Command line"). */
#ifndef REGEN_CLI_H
#define REGEN_CLI_H

#include <stdbool.h>
#include <stddef.h>

struct options {
    const char *registry;  /* default "registry.yaml"; with render, may be a model's JSON */
    const char *templates; /* NULL: the built-in set */
    char *output;          /* default "out" beside the registry; allocated */
    const char *depfile;   /* NULL: none */
    bool check;
    bool dump_model;    /* print the model the templates see; write nothing */
    bool model_schema;  /* print its schema (model_shape.h); write nothing */
    const char *render; /* a template to print rendered; write nothing */
    const char **langs; /* --lang, in order; default {"c"} */
    size_t lang_count;
    bool list_langs;
    size_t max_bytes;
};

/* Returns -1 to go on, or the exit status to stop with (--help, --version,
 * or a usage error already reported). */
int options_parse(int argc, char **argv, struct options *options);
void options_free(struct options *options);

#endif
