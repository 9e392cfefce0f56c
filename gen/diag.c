/* diag.c: collecting, sorting and printing located errors. */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static char *format_text(const char *format, va_list args)
{
    va_list copy;
    va_copy(copy, args);
    int length = vsnprintf(NULL, 0, format, copy);
    va_end(copy);
    if (length < 0)
        return NULL;
    char *text = malloc((size_t)length + 1);
    if (text)
        vsnprintf(text, (size_t)length + 1, format, args);
    return text;
}

/* Room for MORE errors after those DIAGS holds. */
static void reserve(struct diags *diags, size_t more)
{
    if (diags->count + more <= diags->capacity)
        return;
    size_t capacity = diags->capacity ? diags->capacity : 16;
    while (capacity < diags->count + more)
        capacity *= 2;
    struct diag *items = realloc(diags->items, capacity * sizeof *items);
    if (!items)
        abort(); /* out of memory while reporting: nothing sane is left */
    diags->items = items;
    diags->capacity = capacity;
}

void diag_add(struct diags *diags, const char *file, struct mark at, const char *format, ...)
{
    reserve(diags, 1);
    va_list args;
    va_start(args, format);
    char *text = format_text(format, args);
    va_end(args);
    diags->items[diags->count] = (struct diag){strdup(file), at, diags->count, text};
    diags->count++;
}

void diags_append(struct diags *into, struct diags *from)
{
    reserve(into, from->count);
    for (size_t i = 0; i < from->count; i++) {
        struct diag moved = from->items[i];
        moved.order = into->count; /* found after everything INTO holds */
        into->items[into->count++] = moved;
    }
    free(from->items);
    *from = (struct diags){0};
}

static int compare_diags(const void *left, const void *right)
{
    const struct diag *a = left, *b = right;
    int by_file = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (by_file)
        return by_file;
    if (a->at.line != b->at.line)
        return a->at.line < b->at.line ? -1 : 1;
    if (a->at.col != b->at.col)
        return a->at.col < b->at.col ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

void diags_print(struct diags *diags, FILE *stream)
{
    if (diags->count > 1)
        qsort(diags->items, diags->count, sizeof *diags->items, compare_diags);
    for (size_t i = 0; i < diags->count; i++) {
        const struct diag *diag = &diags->items[i];
        const char *text = diag->text ? diag->text : "(out of memory)";
        const char *file = diag->file ? diag->file : "regen";
        if (diag->at.line > 0)
            fprintf(stream, "%s:%d:%d: error: %s\n", file, diag->at.line, diag->at.col, text);
        else
            fprintf(stream, "%s: error: %s\n", file, text);
    }
}

void diags_free(struct diags *diags)
{
    for (size_t i = 0; i < diags->count; i++) {
        free(diags->items[i].file);
        free(diags->items[i].text);
    }
    free(diags->items);
    *diags = (struct diags){0};
}

void fail(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("regen: error: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
}
