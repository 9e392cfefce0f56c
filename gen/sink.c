/* sink.c: compare with the file in place while it matches, then write. */
#include "sink.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How much of the file in place is read at once: one spill's worth, so the
 * window stays in cache between its read and its comparison. */
#define SINK_WINDOW ((size_t)1 << 20)

static struct file_identity identity_from(const struct stat *info)
{
    return (struct file_identity){info->st_dev, info->st_ino, info->st_size,
                                  (long long)info->st_mtim.tv_sec,
                                  (long long)info->st_mtim.tv_nsec};
}

bool file_identity_of(const char *path, struct file_identity *identity)
{
    struct stat info;
    if (stat(path, &info) != 0 || !S_ISREG(info.st_mode))
        return false;
    *identity = identity_from(&info);
    return true;
}

bool file_identity_same(const struct file_identity *a, const struct file_identity *b)
{
    return a->device == b->device && a->inode == b->inode && a->size == b->size &&
           a->seconds == b->seconds && a->nanoseconds == b->nanoseconds;
}

/* Whether the file in place is still the one opened: one written to while
 * it was read would make the comparison, or the copy, wrong. */
static bool existing_undisturbed(const struct sink *sink)
{
    struct stat info;
    if (fstat(sink->existing, &info) != 0)
        return false;
    struct file_identity now = identity_from(&info);
    return file_identity_same(&now, &sink->identity);
}

bool sink_open(struct sink *sink, int temporary, const char *existing_path)
{
    *sink = (struct sink){.temporary = temporary, .existing = -1, .diverged = true};
    int existing = existing_path ? open(existing_path, O_RDONLY) : -1;
    struct stat info;
    if (existing >= 0 && (fstat(existing, &info) != 0 || !S_ISREG(info.st_mode))) {
        close(existing);
        existing = -1;
    }
    if (existing < 0)
        return true; /* nothing to compare with: write from the start */
    sink->window = malloc(SINK_WINDOW);
    if (!sink->window) {
        close(existing);
        return false;
    }
    sink->existing = existing;
    sink->identity = identity_from(&info);
    sink->diverged = false;
    return true;
}

bool write_fully(int descriptor, const char *bytes, size_t length)
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

/* Up to LENGTH bytes of the file in place at OFFSET into the window; the
 * count read (short at its end), or -1. */
static ssize_t read_existing(struct sink *sink, size_t offset, size_t length)
{
    size_t done = 0;
    while (done < length) {
        ssize_t got =
            pread(sink->existing, sink->window + done, length - done, (off_t)(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            sink->read_failed = true;
            return -1;
        }
        if (got == 0)
            break;
        done += (size_t)got;
    }
    return (ssize_t)done;
}

/* Whether the file in place continues with BYTES. */
static bool matches(struct sink *sink, const char *bytes, size_t length, bool *same)
{
    *same = true;
    for (size_t done = 0; *same && done < length; done += SINK_WINDOW) {
        size_t part = length - done < SINK_WINDOW ? length - done : SINK_WINDOW;
        ssize_t got = read_existing(sink, sink->matched + done, part);
        if (got < 0)
            return false;
        *same = (size_t)got == part && memcmp(sink->window, bytes + done, part) == 0;
    }
    return true;
}

/* The artifact differs from the file in place: the temporary file gets the
 * part that matched, copied from that file, and everything after it. A sink
 * that only compares has nothing more to do. */
static bool diverge(struct sink *sink)
{
    sink->diverged = true;
    if (sink->temporary < 0)
        return true;
    for (size_t offset = 0; offset < sink->matched; offset += SINK_WINDOW) {
        size_t part = sink->matched - offset < SINK_WINDOW ? sink->matched - offset : SINK_WINDOW;
        ssize_t got = read_existing(sink, offset, part);
        if (got < 0)
            return false;
        if ((size_t)got != part) {
            sink->disturbed = true; /* it shrank since it matched */
            return false;
        }
        if (!write_fully(sink->temporary, sink->window, part))
            return false;
    }
    if (!existing_undisturbed(sink)) {
        sink->disturbed = true;
        return false;
    }
    return true;
}

bool sink_write(struct sink *sink, const char *bytes, size_t length)
{
    if (!sink->diverged) {
        bool same;
        if (!matches(sink, bytes, length, &same))
            return false;
        if (same) {
            sink->matched += length;
            return true;
        }
        if (!diverge(sink))
            return false;
    }
    return sink->temporary < 0 || write_fully(sink->temporary, bytes, length);
}

bool sink_finish(struct sink *sink, bool *unchanged, struct file_identity *identity)
{
    *unchanged = false;
    bool ok = true;
    if (!sink->diverged) {
        bool whole = sink->identity.size >= 0 && (size_t)sink->identity.size == sink->matched;
        if (whole && existing_undisturbed(sink)) {
            *unchanged = true;
            *identity = sink->identity;
        } else {
            ok = diverge(sink);
        }
    }
    sink_close(sink);
    return ok;
}

void sink_close(struct sink *sink)
{
    if (sink->existing >= 0)
        close(sink->existing);
    sink->existing = -1;
    free(sink->window);
    sink->window = NULL;
}
