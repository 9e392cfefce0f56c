/* lookup_bench.c: runs lookup implementations over one workload.
 *
 *   lookup_bench time IMPL BASE WORKLOAD REPETITIONS
 *       median ns per lookup of IMPL, then of BASE; their passes alternate,
 *       so that a machine that slows down for a while slows both alike
 *   lookup_bench count IMPL WORKLOAD    one pass (for callgrind)
 *
 * IMPL: regen-code, switch-code, regen-reason, gperf-reason, regen-name,
 * gperf-name. A workload file holds records of a 4-byte little-endian length
 * and that many key bytes (for codes: 4 bytes, the int). Each lookup lives
 * in its own translation unit, so none is inlined into this loop. Compile
 * with -DREG=... -DREG_HEADER=... as for tests/c/lookup_test.c. */
#define _POSIX_C_SOURCE 200809L
#include REG_HEADER

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CAT_(a, b) a##b
#define CAT(a, b)  CAT_(a, b)
#define F(suffix)  CAT(REG, suffix)

struct gperf_key {
    const char *name;
    int entry;
};
const void *switch_lookup(int code);
const struct gperf_key *gperf_reason(const char *s, size_t len);
const struct gperf_key *gperf_name(const char *s, size_t len);

struct workload {
    const char **keys;
    size_t *lengths;
    int *codes;
    size_t count;
};

static int read_workload(const char *path, struct workload *workload)
{
    FILE *stream = fopen(path, "rb");
    if (!stream)
        return -1;
    size_t capacity = 1024;
    workload->keys = malloc(capacity * sizeof *workload->keys);
    workload->lengths = malloc(capacity * sizeof *workload->lengths);
    workload->codes = malloc(capacity * sizeof *workload->codes);
    workload->count = 0;
    unsigned char header[4];
    while (fread(header, 1, 4, stream) == 4) {
        uint32_t length = header[0] | header[1] << 8 | header[2] << 16 | (uint32_t)header[3] << 24;
        char *key = malloc(length + 1);
        if (fread(key, 1, length, stream) != length)
            return -1;
        if (workload->count == capacity) {
            capacity *= 2;
            workload->keys = realloc(workload->keys, capacity * sizeof *workload->keys);
            workload->lengths = realloc(workload->lengths, capacity * sizeof *workload->lengths);
            workload->codes = realloc(workload->codes, capacity * sizeof *workload->codes);
        }
        uint32_t code = 0;
        memcpy(&code, key, length < 4 ? length : 4);
        workload->keys[workload->count] = key;
        workload->lengths[workload->count] = length;
        workload->codes[workload->count] = (int)code;
        workload->count++;
    }
    fclose(stream);
    return 0;
}

/* One pass; the sum of found pointers keeps every call alive. */
static uintptr_t run_pass(const char *impl, const struct workload *w)
{
    uintptr_t sum = 0;
    size_t i;
    if (strcmp(impl, "regen-code") == 0)
        for (i = 0; i < w->count; i++)
            sum += (uintptr_t)F(_lookup)(w->codes[i]);
    else if (strcmp(impl, "switch-code") == 0)
        for (i = 0; i < w->count; i++)
            sum += (uintptr_t)switch_lookup(w->codes[i]);
    else if (strcmp(impl, "regen-reason") == 0)
        for (i = 0; i < w->count; i++)
            sum += (uintptr_t)F(_from_reason)(w->keys[i], w->lengths[i]);
    else if (strcmp(impl, "gperf-reason") == 0)
        for (i = 0; i < w->count; i++)
            sum += (uintptr_t)gperf_reason(w->keys[i], w->lengths[i]);
    else if (strcmp(impl, "regen-name") == 0)
        for (i = 0; i < w->count; i++)
            sum += (uintptr_t)F(_from_name)(w->keys[i], w->lengths[i]);
    else if (strcmp(impl, "gperf-name") == 0)
        for (i = 0; i < w->count; i++)
            sum += (uintptr_t)gperf_name(w->keys[i], w->lengths[i]);
    else {
        fprintf(stderr, "unknown implementation %s\n", impl);
        exit(2);
    }
    return sum;
}

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *samples, int count)
{
    qsort(samples, (size_t)count, sizeof *samples, compare_doubles);
    return samples[count / 2];
}

/* One timed pass of IMPL: ns per lookup. */
static double timed_pass(const char *impl, const struct workload *w, uintptr_t *sum)
{
    double start = now_ns();
    *sum += run_pass(impl, w);
    return (now_ns() - start) / (double)w->count;
}

static const char usage[] = "usage: lookup_bench time IMPL BASE WORKLOAD REPETITIONS\n"
                            "       lookup_bench count IMPL WORKLOAD\n";

int main(int argc, char **argv)
{
    struct workload workload;
    bool timing = argc == 6 && strcmp(argv[1], "time") == 0;
    bool counting = argc == 4 && strcmp(argv[1], "count") == 0;
    if ((!timing && !counting) || read_workload(argv[timing ? 4 : 3], &workload) != 0) {
        fputs(usage, stderr);
        return 2;
    }
    if (counting) {
        printf("%lu\n", (unsigned long)(run_pass(argv[2], &workload) & 0xFFFF));
        return 0;
    }
    const char *impl = argv[2], *base = argv[3];
    int repetitions = atoi(argv[5]);
    if (repetitions < 1) {
        fputs(usage, stderr);
        return 2;
    }
    double *ours = malloc((size_t)repetitions * sizeof *ours);
    double *theirs = malloc((size_t)repetitions * sizeof *theirs);
    uintptr_t sum = run_pass(impl, &workload) + run_pass(base, &workload); /* warm the caches */
    for (int r = 0; r < repetitions; r++) {
        ours[r] = timed_pass(impl, &workload, &sum);
        theirs[r] = timed_pass(base, &workload, &sum);
    }
    printf("%.3f %.3f %lu\n", median(ours, repetitions), median(theirs, repetitions),
           (unsigned long)(sum & 0xFF));
    free(ours);
    free(theirs);
    return 0;
}
