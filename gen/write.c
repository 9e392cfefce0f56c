/* write.c: compare, write a temporary file where the bytes changed, then
 * rename (write.h). */
#include "write.h"
#include "cleanup.h"
#include "diag.h"
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define COMPARE_BYTES ((size_t)1 << 16) /* read from the file in place at a time */

/* An artifact on its way: the file it goes to, and the temporary file that
 * holds its new bytes (NULL when the file in place holds them already). */
struct staged {
    char *path;
    char *temporary;
};

/* Whether the file at PATH holds exactly the LENGTH BYTES. Any trouble
 * reading it (missing, not a regular file) counts as a difference. */
static bool holds(const char *path, const char *bytes, size_t length)
{
    int descriptor = open(path, O_RDONLY);
    struct stat info;
    bool same = descriptor >= 0 && fstat(descriptor, &info) == 0 && S_ISREG(info.st_mode) &&
                (size_t)info.st_size == length;
    char *window = same ? malloc(COMPARE_BYTES) : NULL;
    for (size_t done = 0; same && done < length;) {
        ssize_t got = read(descriptor, window, COMPARE_BYTES);
        if (got < 0 && errno == EINTR)
            continue;
        same = got > 0 && (size_t)got <= length - done &&
               memcmp(window, bytes + done, (size_t)got) == 0;
        done += got > 0 ? (size_t)got : 0;
    }
    free(window);
    if (descriptor >= 0)
        close(descriptor);
    return same;
}

static bool write_fully(int descriptor, const char *bytes, size_t length)
{
    while (length > 0) {
        ssize_t written = write(descriptor, bytes, length);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            if (written == 0)
                errno = EIO;
            return false;
        }
        bytes += written;
        length -= (size_t)written;
    }
    return true;
}

/* The LENGTH BYTES in a new temporary file beside PATH (".NAME.XXXXXX", in
 * the same directory). Returns its path, or NULL after reporting why. */
static char *write_temporary(const char *path, const char *bytes, size_t length)
{
    const char *slash = strrchr(path, '/');
    int directory_length = slash ? (int)(slash - path + 1) : 0;
    size_t size = strlen(path) + sizeof "..XXXXXX";
    char *temporary = malloc(size);
    if (!temporary)
        return NULL;
    snprintf(temporary, size, "%.*s.%s.XXXXXX", directory_length, path, path + directory_length);
    /* Registered before it exists, so that an interrupt never leaves it. */
    if (!cleanup_add(temporary)) {
        fail("more than %d artifacts at once", CLEANUP_CAPACITY);
        free(temporary);
        return NULL;
    }
    int descriptor = mkstemp(temporary);
    bool written = descriptor >= 0;
    if (written) {
        /* mkstemp makes the file 0600; artifacts are ordinary files. */
        mode_t mask = umask(0);
        umask(mask);
        fchmod(descriptor, 0666 & ~mask);
        written = write_fully(descriptor, bytes, length);
        written = close(descriptor) == 0 && written;
    }
    if (!written) {
        fail("cannot write '%s': %s", temporary, strerror(errno));
        unlink(temporary);
        cleanup_forget(temporary);
        free(temporary);
        return NULL;
    }
    return temporary;
}

/* Removes the temporary files of the first COUNT of STAGED, if any, and
 * frees them. */
static void discard(struct staged *staged, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (staged[i].temporary) {
            unlink(staged[i].temporary);
            cleanup_forget(staged[i].temporary);
            free(staged[i].temporary);
        }
        free(staged[i].path);
    }
}

/* Stages every file (a temporary file where its bytes changed), then
 * renames them all into place. */
static int move_if_changed(struct staged *staged, const struct artifact *artifacts, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const struct artifact *artifact = &artifacts[i];
        if (!staged[i].path)
            return EXIT_TROUBLE;
        if (holds(staged[i].path, artifact->bytes, artifact->length))
            continue;
        staged[i].temporary = write_temporary(staged[i].path, artifact->bytes, artifact->length);
        if (!staged[i].temporary)
            return EXIT_TROUBLE;
    }
    /* Every file is complete: now, and only now, replace files. */
    int status = EXIT_OK;
    for (size_t i = 0; i < count; i++) {
        if (staged[i].temporary && rename(staged[i].temporary, staged[i].path) != 0) {
            fail("cannot replace '%s': %s", staged[i].path, strerror(errno));
            status = EXIT_TROUBLE;
            continue; /* discard removes it */
        }
        cleanup_forget(staged[i].temporary);
        free(staged[i].temporary);
        staged[i].temporary = NULL;
    }
    return status;
}

static bool is_directory(const char *path)
{
    struct stat info;
    return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

/* mkdir -p DIRECTORY. */
static bool make_directory(const char *directory)
{
    char *path = strdup(directory);
    bool ok = path != NULL;
    for (char *slash = path ? path + 1 : NULL; ok && *slash; slash++) {
        if (*slash != '/')
            continue;
        *slash = '\0';
        ok = mkdir(path, 0777) == 0 || errno == EEXIST;
        *slash = '/';
    }
    ok = ok && (mkdir(path, 0777) == 0 || errno == EEXIST);
    free(path);
    if (!ok)
        fail("cannot create directory '%s': %s", directory, strerror(errno));
    return ok;
}

int write_artifacts(const char *directory, const struct artifacts *artifacts)
{
    bool created = !is_directory(directory);
    if (!make_directory(directory))
        return EXIT_TROUBLE;
    struct staged *staged = calloc(artifacts->count + 1, sizeof *staged);
    int status = EXIT_TROUBLE;
    if (staged) {
        for (size_t i = 0; i < artifacts->count; i++)
            staged[i].path = path_join(directory, artifacts->items[i].name);
        status = move_if_changed(staged, artifacts->items, artifacts->count);
        discard(staged, artifacts->count);
    }
    free(staged);
    if (status != EXIT_OK && created)
        rmdir(directory); /* nothing is left behind, not even the directory */
    return status;
}

int write_file(const char *path, const char *bytes, size_t length)
{
    struct artifact file = {NULL, (char *)bytes, length};
    struct staged staged = {strdup(path), NULL};
    int status = move_if_changed(&staged, &file, 1);
    discard(&staged, 1);
    return status;
}

int check_artifacts(const char *directory, const struct artifacts *artifacts)
{
    int status = EXIT_OK;
    for (size_t i = 0; i < artifacts->count; i++) {
        const struct artifact *artifact = &artifacts->items[i];
        char *path = path_join(directory, artifact->name);
        if (!path)
            return EXIT_TROUBLE;
        if (!holds(path, artifact->bytes, artifact->length)) {
            struct stat info;
            bool missing = stat(path, &info) != 0 && errno == ENOENT;
            fprintf(stderr, "regen: %s is %s\n", path, missing ? "missing" : "stale");
            status = EXIT_INVALID;
        }
        free(path);
    }
    return status;
}
