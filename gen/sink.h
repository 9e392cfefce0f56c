/* sink.h: where a rendered artifact's bytes go while it renders.
 *
 * The bytes are compared with the file already in place, a spill at a time,
 * for as long as they match it: an unchanged artifact is never written at
 * all. At the first difference, the part that matched is copied from that
 * file into the temporary file, and from then on everything is written
 * there. At 100,000 entries the artifacts are 160 MB; writing them into the
 * page cache only to find them unchanged was a fifth of a run's CPU time. */
#ifndef REGEN_SINK_H
#define REGEN_SINK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* What identifies a file's contents without reading them: a file replaced
 * or written to since has another inode, size or modification time. */
struct file_identity {
    dev_t device;
    ino_t inode;
    off_t size;
    long long seconds, nanoseconds; /* of the last modification */
};

struct sink {
    int temporary;                 /* descriptor of the temporary file */
    int existing;                  /* the file in place, read only, or -1 */
    struct file_identity identity; /* of the file in place, when opened */
    size_t matched;                /* bytes so far equal to the file in place */
    bool diverged;                 /* the temporary file holds every byte so far */
    char *window;                  /* the file in place, read a spill at a time */
    bool disturbed;                /* the file in place changed while it was read */
    bool read_failed;              /* reading the file in place failed: errno says why */
};

/* Starts a sink into TEMPORARY (a descriptor it does not own) that first
 * compares with the file at EXISTING_PATH, if it is a regular file. With
 * TEMPORARY -1 it only compares (--check, the depfile): nothing is written
 * anywhere. False only when out of memory. */
bool sink_open(struct sink *sink, int temporary, const char *existing_path);

/* The next LENGTH bytes of the artifact. False when a read or write failed
 * (errno says why), or when the file in place changed while it was read
 * (DISTURBED says so: what matched can no longer be copied from it). */
bool sink_write(struct sink *sink, const char *bytes, size_t length);

/* The artifact is complete. Sets *UNCHANGED when the file in place holds
 * exactly its bytes (its identity in *IDENTITY, to confirm before relying on
 * it); otherwise the temporary file holds them all. False as sink_write
 * fails. Closes the file in place either way. */
bool sink_finish(struct sink *sink, bool *unchanged, struct file_identity *identity);

/* Releases the sink without finishing it. */
void sink_close(struct sink *sink);

/* LENGTH bytes to DESCRIPTOR, however many writes that takes. False, errno
 * set, when one fails. */
bool write_fully(int descriptor, const char *bytes, size_t length);

/* The identity of the file at PATH; false when it cannot be read. */
bool file_identity_of(const char *path, struct file_identity *identity);
bool file_identity_same(const struct file_identity *a, const struct file_identity *b);

#endif
