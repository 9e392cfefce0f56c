/* cli.c: parsing the command line with getopt_long. */
#include "cli.h"
#include "diag.h"
#include "source.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef REGEN_VERSION
#define REGEN_VERSION "unknown"
#endif

static const char usage[] =
    "usage: regen [options] [REGISTRY]        REGISTRY defaults to ./registry.yaml\n"
    "  -t, --templates DIR    use the templates in DIR instead of the built-in sets\n"
    "      --lang LANG        write the built-in set of LANG besides the references\n"
    "                         (repeatable; default c; all: every language)\n"
    "      --list-langs       list the built-in languages\n"
    "  -o, --output DIR       where artifacts go (default: out/ beside the registry)\n"
    "      --check            write nothing; exit 1 and name each artifact that is stale\n"
    "      --depfile FILE     write a Make-style depfile (for meson/ninja)\n"
    "      --dump-model       print the model templates see (with its _ keys) as JSON;\n"
    "                         write nothing\n"
    "      --model-schema     print the JSON Schema of that model for this registry\n"
    "                         (every key a template may use); write nothing\n"
    "      --render TEMPLATE  print TEMPLATE rendered against the registry's model,\n"
    "                         or against a JSON file given instead (unchecked)\n"
    "      --max-bytes N      refuse a registry larger than N bytes (default 16 MiB)\n"
    "  -h, --help   -V, --version\n"
    "exit: 0 ok, 1 invalid registry or stale output, 2 usage or I/O error\n";

enum {
    OPTION_CHECK = 256,
    OPTION_DEPFILE,
    OPTION_DUMP_MODEL,
    OPTION_MODEL_SCHEMA,
    OPTION_RENDER,
    OPTION_LANG,
    OPTION_LIST_LANGS,
    OPTION_MAX_BYTES
};

static const struct option long_options[] = {
    {"templates", required_argument, NULL, 't'},
    {"output", required_argument, NULL, 'o'},
    {"check", no_argument, NULL, OPTION_CHECK},
    {"depfile", required_argument, NULL, OPTION_DEPFILE},
    {"dump-model", no_argument, NULL, OPTION_DUMP_MODEL},
    {"model-schema", no_argument, NULL, OPTION_MODEL_SCHEMA},
    {"render", required_argument, NULL, OPTION_RENDER},
    {"lang", required_argument, NULL, OPTION_LANG},
    {"list-langs", no_argument, NULL, OPTION_LIST_LANGS},
    {"max-bytes", required_argument, NULL, OPTION_MAX_BYTES},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* "regen: error: " FORMAT (with ARGUMENT for its %s), then the usage. */
static int usage_error(const char *format, const char *argument)
{
    fputs("regen: error: ", stderr);
    fprintf(stderr, format, argument);
    fprintf(stderr, "\n%s", usage);
    return EXIT_TROUBLE;
}

static bool parse_size(const char *text, size_t *size)
{
    if (*text < '0' || *text > '9')
        return false;
    errno = 0;
    char *end;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno || *end || value > (size_t)-1)
        return false;
    *size = (size_t)value;
    return true;
}

/* The default output directory: "out" beside the registry file. */
static char *default_output(const char *registry)
{
    const char *slash = strrchr(registry, '/');
    if (!slash)
        return strdup("out");
    size_t length = (size_t)(slash - registry);
    char *output = malloc(length + sizeof "/out");
    if (output)
        snprintf(output, length + sizeof "/out", "%.*s/out", (int)length, registry);
    return output;
}

static int parse_option(int option, struct options *options, const char *argv_option)
{
    switch (option) {
    case 't':
        options->templates = optarg;
        return -1;
    case 'o':
        free(options->output);
        options->output = strdup(optarg);
        return -1;
    case OPTION_CHECK:
        options->check = true;
        return -1;
    case OPTION_DEPFILE:
        options->depfile = optarg;
        return -1;
    case OPTION_DUMP_MODEL:
        options->dump_model = true;
        return -1;
    case OPTION_MODEL_SCHEMA:
        options->model_schema = true;
        return -1;
    case OPTION_RENDER:
        options->render = optarg;
        return -1;
    case OPTION_LANG: {
        const char **langs = realloc(options->langs, (options->lang_count + 1) * sizeof *langs);
        if (!langs)
            return EXIT_TROUBLE;
        options->langs = langs;
        langs[options->lang_count++] = optarg;
        return -1;
    }
    case OPTION_LIST_LANGS:
        options->list_langs = true;
        return -1;
    case OPTION_MAX_BYTES:
        if (!parse_size(optarg, &options->max_bytes))
            return usage_error("--max-bytes needs a number of bytes, not '%s'", optarg);
        return -1;
    case 'h':
        fputs(usage, stdout);
        return EXIT_OK;
    case 'V':
        printf("regen %s\n", REGEN_VERSION);
        return EXIT_OK;
    case ':':
        return usage_error("option '%s' needs a value", argv_option);
    default:
        if (optopt) {
            char short_option[] = {'-', (char)optopt, '\0'};
            return usage_error("unrecognized option '%s'", short_option);
        }
        return usage_error("unrecognized option '%s'", argv_option);
    }
}

int options_parse(int argc, char **argv, struct options *options)
{
    *options = (struct options){.registry = "registry.yaml", .max_bytes = DEFAULT_MAX_BYTES};
    int option;
    opterr = 0; /* regen says what was wrong, as "regen: error: ..." */
    while ((option = getopt_long(argc, argv, ":t:o:hV", long_options, NULL)) != -1) {
        int status = parse_option(option, options, argv[optind - 1]);
        if (status >= 0)
            return status;
    }
    if (argc - optind > 1)
        return usage_error("more than one registry given: '%s'", argv[optind + 1]);
    if (optind < argc)
        options->registry = argv[optind];
    if (options->render && options->templates)
        return usage_error("%s", "--render takes one template, not -t");
    if (options->lang_count && options->templates)
        return usage_error("%s", "-t replaces the built-in sets: give it or --lang, not both");
    if (!options->output)
        options->output = default_output(options->registry);
    return options->output ? -1 : EXIT_TROUBLE;
}

void options_free(struct options *options)
{
    free(options->output);
    free(options->langs);
    options->output = NULL;
    options->langs = NULL;
}
