/* diag.h: errors as values with a location, printed once at the edge.
 *
 * Stages add errors here and go on, so that one run reports every problem it
 * can find; main prints them, sorted by position, in GCC form:
 *     registry.yaml:41:11: error: duplicate code 404 (first at 12:11) */
#ifndef REGEN_DIAG_H
#define REGEN_DIAG_H

#include <stddef.h>
#include <stdio.h>

/* Exit statuses (SPEC.md, "Command line"). */
enum {
    EXIT_OK = 0,
    EXIT_INVALID = 1, /* the registry (or a template) is wrong, or output is stale */
    EXIT_TROUBLE = 2, /* usage, or a file that cannot be read or written */
};

/* A place in a file. */
struct mark {
    int line; /* 1-based; 0 means "no line": the error belongs to the file */
    int col;  /* 1-based, in characters */
};

struct diag {
    char *file;     /* a copy: the file's own name may be freed before printing */
    struct mark at; /* line 0: the error belongs to the file, not a line */
    size_t order;   /* keeps equal positions in the order they were found */
    char *text;
};

struct diags {
    struct diag *items;
    size_t count;
    size_t capacity;
};

#if defined(__GNUC__)
#define REGEN_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define REGEN_PRINTF(fmt, args)
#endif

void diag_add(struct diags *diags, const char *file, struct mark at, const char *format, ...)
    REGEN_PRINTF(4, 5);
/* Moves FROM's errors to the end of INTO, in their order. */
void diags_append(struct diags *into, struct diags *from);
void diags_print(struct diags *diags, FILE *stream);
void diags_free(struct diags *diags);

/* Plain-text errors that belong to no input file: "regen: error: ...". */
void fail(const char *format, ...) REGEN_PRINTF(1, 2);

#endif
