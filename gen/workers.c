/* workers.c: a job counter shared by a few threads.
 *
 * Rendering is most of a large run, and the artifacts are independent: each
 * template reads the finished model and makes its own artifact. Each thread
 * takes the next job number until none is left; results never depend on
 * the order, since each job writes only to its own slot.
 * POSIX threads, not C11's: ThreadSanitizer does not see glibc's
 * thrd_create. */
#include "workers.h"

#include <stdatomic.h>
#include <pthread.h>
#include <unistd.h>

#define MAX_WORKERS 8

struct crew {
    void (*job)(void *context, size_t index);
    void *context;
    size_t count;
    atomic_size_t next;
};

static void *work(void *crew_pointer)
{
    struct crew *crew = crew_pointer;
    for (size_t i; (i = atomic_fetch_add(&crew->next, 1)) < crew->count;)
        crew->job(crew->context, i);
    return NULL;
}

static size_t worker_count(size_t jobs)
{
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    size_t workers = online > 0 ? (size_t)online : 1;
    if (workers > MAX_WORKERS)
        workers = MAX_WORKERS;
    return workers < jobs ? workers : jobs;
}

void workers_run(size_t count, void (*job)(void *context, size_t index), void *context)
{
    struct crew crew = {job, context, count, 0};
    pthread_t threads[MAX_WORKERS];
    size_t started = 0, workers = worker_count(count);
    /* The calling thread works too; a thread that cannot start is no error,
     * the others take its share. */
    for (size_t i = 1; i < workers; i++)
        if (pthread_create(&threads[started], NULL, work, &crew) == 0)
            started++;
    work(&crew);
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
}
