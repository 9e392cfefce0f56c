/* cleanup.c: the registry of temporary files and the signal handler. */
#include "cleanup.h"

#include <signal.h>
#include <stddef.h>
#include <unistd.h>

/* Written by the program, read by the handler: plain pointer stores, and the
 * handler only reads them. volatile keeps the compiler from caching them. */
static char *volatile registered[CLEANUP_CAPACITY];

static void on_signal(int signal_number)
{
    for (size_t i = 0; i < CLEANUP_CAPACITY; i++)
        if (registered[i])
            unlink(registered[i]);
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

void cleanup_install(void)
{
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction action = {0};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++)
        sigaddset(&action.sa_mask, signals[i]); /* one handler at a time */
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++) {
        struct sigaction current;
        /* A signal ignored at start (nohup, a background job) stays ignored. */
        if (sigaction(signals[i], NULL, &current) == 0 && current.sa_handler == SIG_IGN)
            continue;
        sigaction(signals[i], &action, NULL);
    }
}

bool cleanup_add(char *path)
{
    for (size_t i = 0; i < CLEANUP_CAPACITY; i++) {
        if (!registered[i]) {
            registered[i] = path;
            return true;
        }
    }
    return false;
}

void cleanup_forget(const char *path)
{
    for (size_t i = 0; i < CLEANUP_CAPACITY; i++)
        if (registered[i] == path)
            registered[i] = NULL;
}
