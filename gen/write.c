/* write.c: temporary files, renames, and leaving unchanged files alone. */
#include "write.h"
#include "cleanup.h"
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

/* Whether the file at PATH holds exactly the LENGTH BYTES (and then its
 * identity, in *IDENTITY): the comparison a streamed artifact went through
 * while it rendered (sink.h), with nothing to write. */
static bool same_bytes(const char *path, const char *bytes, size_t length,
                       struct file_identity *identity)
{
    struct sink sink;
    bool unchanged = false;
    if (sink_open(&sink, -1, path) && sink_write(&sink, bytes, length))
        sink_finish(&sink, &unchanged, identity);
    sink_close(&sink);
    return unchanged;
}

int make_output_directory(const char *directory)
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
    if (!ok) {
        fail("cannot create directory '%s': %s", directory, strerror(errno));
        return EXIT_TROUBLE;
    }
    return EXIT_OK;
}

int open_temporary(const char *directory, const char *name, char **path)
{
    size_t length = strlen(directory) + strlen(name) + sizeof "/..XXXXXX";
    char *temporary = malloc(length);
    if (!temporary)
        return -1;
    snprintf(temporary, length, "%s/.%s.XXXXXX", directory, name);
    /* Registered before it exists, so an interrupt can never leave it. */
    if (!cleanup_add(temporary)) {
        fail("more than %d artifacts at once", CLEANUP_CAPACITY);
        free(temporary);
        return -1;
    }
    int descriptor = mkstemp(temporary);
    if (descriptor < 0) {
        fail("cannot create a file in '%s': %s", directory, strerror(errno));
        cleanup_forget(temporary);
        free(temporary);
        return -1;
    }
    /* mkstemp makes the file 0600; artifacts are ordinary files. */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(descriptor, 0666 & ~mask);
    *path = temporary;
    return descriptor;
}

/* An artifact still in memory goes to a temporary file first. */
static bool stage_in_file(const char *directory, struct artifact *artifact)
{
    int descriptor = open_temporary(directory, artifact->name, &artifact->temporary);
    if (descriptor < 0)
        return false;
    bool written = write_fully(descriptor, artifact->bytes, artifact->length);
    int saved_errno = errno;
    if (close(descriptor) != 0 && written) {
        written = false;
        saved_errno = errno;
    }
    if (!written)
        fail("cannot write '%s': %s", artifact->temporary, strerror(saved_errno));
    return written;
}

/* An artifact in memory is either the file in place already or goes to a
 * temporary file, as a streamed one did while it rendered. */
static bool settle_in_memory(const char *directory, struct artifact *artifact)
{
    char *path = path_join(directory, artifact->name);
    if (!path)
        return false;
    artifact->unchanged = same_bytes(path, artifact->bytes, artifact->length, &artifact->in_place);
    free(path);
    return artifact->unchanged || stage_in_file(directory, artifact);
}

/* An artifact found unchanged while it rendered stays so only if nobody
 * replaced or wrote its file since: its bytes are not kept anywhere else. */
static bool still_in_place(const char *directory, const struct artifact *artifact)
{
    char *path = path_join(directory, artifact->name);
    struct file_identity now;
    bool same =
        path && file_identity_of(path, &now) && file_identity_same(&now, &artifact->in_place);
    if (path && !same)
        fail("'%s' changed while regen ran; nothing was written, run regen again", path);
    free(path);
    return same;
}

/* Renames ARTIFACT's temporary file to PATH, or removes it when the file
 * there already holds the artifact (so it keeps its mtime); the temporary
 * file is forgotten either way. */
static bool put_in_place(struct artifact *artifact, const char *path)
{
    bool ok = true;
    if (artifact->unchanged) {
        if (artifact->temporary)
            unlink(artifact->temporary);
    } else if (rename(artifact->temporary, path) != 0) {
        fail("cannot replace '%s': %s", path, strerror(errno));
        unlink(artifact->temporary);
        ok = false;
    }
    cleanup_forget(artifact->temporary);
    free(artifact->temporary);
    artifact->temporary = NULL;
    return ok;
}

int write_artifacts(const char *directory, struct artifacts *artifacts)
{
    if (make_output_directory(directory) != EXIT_OK)
        return EXIT_TROUBLE;
    for (size_t i = 0; i < artifacts->count; i++) {
        struct artifact *artifact = &artifacts->items[i];
        bool ready = artifact->temporary
                         ? !artifact->unchanged || still_in_place(directory, artifact)
                         : settle_in_memory(directory, artifact);
        if (!ready) {
            artifacts_discard(artifacts);
            return EXIT_TROUBLE;
        }
    }
    /* Every artifact is complete: now, and only now, replace files. */
    int status = EXIT_OK;
    for (size_t i = 0; i < artifacts->count; i++) {
        struct artifact *artifact = &artifacts->items[i];
        char *path = path_join(directory, artifact->name);
        if (!path || !put_in_place(artifact, path))
            status = EXIT_TROUBLE;
        free(path);
    }
    return status;
}

int write_file(const char *path, const char *bytes, size_t length)
{
    const char *slash = strrchr(path, '/');
    char *directory = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
    if (directory && !directory[0]) { /* "/name": the root directory */
        free(directory);
        directory = strdup("/");
    }
    struct artifacts one = {0};
    struct artifact file = {
        .name = strdup(slash ? slash + 1 : path), .bytes = malloc(length + 1), .length = length};
    if (file.bytes)
        memcpy(file.bytes, bytes, length);
    if (!directory || !artifacts_add(&one, file)) {
        free(directory);
        artifacts_free(&one);
        return EXIT_TROUBLE;
    }
    struct artifact *added = &one.items[0];
    bool ok = settle_in_memory(directory, added) && put_in_place(added, path);
    artifacts_free(&one);
    free(directory);
    return ok ? EXIT_OK : EXIT_TROUBLE;
}

int check_artifacts(const char *directory, const struct artifacts *artifacts)
{
    int status = EXIT_OK;
    for (size_t i = 0; i < artifacts->count; i++) {
        const struct artifact *artifact = &artifacts->items[i];
        char *path = path_join(directory, artifact->name);
        if (!path)
            return EXIT_TROUBLE;
        struct file_identity unused;
        if (!same_bytes(path, artifact->bytes, artifact->length, &unused)) {
            fprintf(stderr, "regen: %s is stale\n", path);
            status = EXIT_INVALID;
        }
        free(path);
    }
    return status;
}
