/* write.c: temporary file + rename, skipping unchanged files. */
#include "write.h"
#include "diag.h"
#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *path_join(const char *directory, const char *name)
{
    size_t length = strlen(directory) + strlen(name) + 2;
    char *path = malloc(length);
    if (path)
        snprintf(path, length, "%s/%s", directory, name);
    return path;
}

/* True when PATH holds exactly BYTES. */
static bool has_bytes(const char *path, const char *bytes, size_t length)
{
    FILE *stream = fopen(path, "rb");
    if (!stream)
        return false;
    bool same = true;
    char buffer[65536];
    size_t offset = 0, got;
    while (same && (got = fread(buffer, 1, sizeof buffer, stream)) > 0) {
        same = offset + got <= length && memcmp(buffer, bytes + offset, got) == 0;
        offset += got;
    }
    same = same && !ferror(stream) && offset == length;
    fclose(stream);
    return same;
}

/* mkdir -p: a missing output directory is created, parents too. */
static int make_directory(const char *directory)
{
    char *path = strdup(directory);
    if (!path)
        return -1;
    for (char *slash = path + 1; *slash; slash++) {
        if (*slash != '/')
            continue;
        *slash = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            free(path);
            return -1;
        }
        *slash = '/';
    }
    int status = mkdir(path, 0777) != 0 && errno != EEXIST ? -1 : 0;
    free(path);
    return status;
}

static bool write_whole(int descriptor, const char *bytes, size_t length)
{
    while (length > 0) {
        ssize_t written = write(descriptor, bytes, length);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        bytes += written;
        length -= (size_t)written;
    }
    return true;
}

/* Writes the artifact to a new hidden file in DIRECTORY ("./.NAME.XXXXXX",
 * on the same file system, so the rename is atomic); returns its path. */
static char *write_temporary(const char *directory, const struct artifact *artifact)
{
    size_t length = strlen(directory) + strlen(artifact->name) + sizeof "/..XXXXXX";
    char *temporary = malloc(length);
    if (!temporary)
        return NULL;
    snprintf(temporary, length, "%s/.%s.XXXXXX", directory, artifact->name);
    int descriptor = mkstemp(temporary);
    if (descriptor < 0) {
        fail("cannot create a file in '%s': %s", directory, strerror(errno));
        free(temporary);
        return NULL;
    }
    /* mkstemp makes the file 0600; artifacts are ordinary files. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(descriptor, 0666 & ~mask);
    bool written = write_whole(descriptor, artifact->bytes, artifact->length);
    int saved_errno = errno;
    if (close(descriptor) != 0 && written) {
        written = false;
        saved_errno = errno;
    }
    if (!written) {
        fail("cannot write '%s': %s", temporary, strerror(saved_errno));
        unlink(temporary);
        free(temporary);
        return NULL;
    }
    return temporary;
}

struct pending {
    char *temporary; /* NULL when the artifact is unchanged */
    char *final_path;
};

static void discard(struct pending *pending, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (pending[i].temporary)
            unlink(pending[i].temporary);
        free(pending[i].temporary);
        free(pending[i].final_path);
    }
    free(pending);
}

/* First every temporary file, then every rename: a failure before the
 * renames leaves the output directory exactly as it was. */
static bool stage_all(const char *directory, const struct artifacts *artifacts,
                      struct pending *pending)
{
    for (size_t i = 0; i < artifacts->count; i++) {
        const struct artifact *artifact = &artifacts->items[i];
        pending[i].final_path = path_join(directory, artifact->name);
        if (!pending[i].final_path)
            return false;
        if (has_bytes(pending[i].final_path, artifact->bytes, artifact->length))
            continue;
        pending[i].temporary = write_temporary(directory, artifact);
        if (!pending[i].temporary)
            return false;
    }
    return true;
}

int write_artifacts(const char *directory, const struct artifacts *artifacts)
{
    if (make_directory(directory) != 0) {
        fail("cannot create directory '%s': %s", directory, strerror(errno));
        return EXIT_TROUBLE;
    }
    struct pending *pending = calloc(artifacts->count + 1, sizeof *pending);
    if (!pending || !stage_all(directory, artifacts, pending)) {
        discard(pending, pending ? artifacts->count : 0);
        return EXIT_TROUBLE;
    }
    int status = EXIT_OK;
    for (size_t i = 0; i < artifacts->count; i++) {
        if (!pending[i].temporary)
            continue;
        if (rename(pending[i].temporary, pending[i].final_path) != 0) {
            fail("cannot replace '%s': %s", pending[i].final_path, strerror(errno));
            status = EXIT_TROUBLE;
            continue;
        }
        free(pending[i].temporary);
        pending[i].temporary = NULL;
    }
    discard(pending, artifacts->count);
    return status;
}

int write_file(const char *path, const char *bytes, size_t length)
{
    if (has_bytes(path, bytes, length))
        return EXIT_OK;
    const char *slash = strrchr(path, '/');
    char *directory = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
    if (directory && !directory[0]) { /* "/name": the root directory */
        free(directory);
        directory = strdup("/");
    }
    struct artifact file = {(char *)(slash ? slash + 1 : path), (char *)bytes, length};
    char *temporary = directory ? write_temporary(directory, &file) : NULL;
    int status = temporary ? EXIT_OK : EXIT_TROUBLE;
    if (temporary && rename(temporary, path) != 0) {
        fail("cannot replace '%s': %s", path, strerror(errno));
        unlink(temporary);
        status = EXIT_TROUBLE;
    }
    free(temporary);
    free(directory);
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
        if (!has_bytes(path, artifact->bytes, artifact->length)) {
            fprintf(stderr, "regen: %s is stale\n", path);
            status = EXIT_INVALID;
        }
        free(path);
    }
    return status;
}
