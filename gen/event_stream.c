/* event_stream.c: a ring of event batches between the parser's thread and
 * the loader. The parser fills a batch, then hands it over under the lock;
 * the loader takes events from the batch it holds without locking. */
#include "event_stream.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define BATCH_EVENTS 256 /* a handful of entries: the lock is taken per batch */
#define BATCHES      8   /* how far the parser may run ahead */

struct batch {
    yaml_event_t events[BATCH_EVENTS];
    size_t count;
    bool last;   /* no batch follows: the stream ended, or the parser failed */
    bool failed; /* the parser failed after these events */
};

struct event_stream {
    yaml_parser_t parser;
    struct batch batches[BATCHES]; /* batch n is batches[n % BATCHES] */
    pthread_mutex_t lock;
    pthread_cond_t changed;
    size_t produced, consumed; /* batches handed over, and given back */
    bool stop;                 /* the loader closed the stream */
    bool threaded;
    pthread_t thread;
    bool holding;      /* the loader holds batch CONSUMED */
    size_t next_event; /* in the held batch */
};

/* Parses the next batch into its place. Only the parser's side calls it
 * (the thread, or the loader when there is none). */
static bool fill_batch(struct event_stream *stream, struct batch *batch)
{
    batch->count = 0;
    batch->failed = false;
    batch->last = false;
    while (batch->count < BATCH_EVENTS && !batch->last) {
        yaml_event_t *event = &batch->events[batch->count];
        if (!yaml_parser_parse(&stream->parser, event)) {
            batch->failed = batch->last = true;
            break;
        }
        batch->count++;
        batch->last = event->type == YAML_STREAM_END_EVENT;
    }
    return !batch->last;
}

static void *parse_ahead(void *stream_pointer)
{
    struct event_stream *stream = stream_pointer;
    bool more = true;
    while (more) {
        pthread_mutex_lock(&stream->lock);
        while (stream->produced - stream->consumed == BATCHES && !stream->stop)
            pthread_cond_wait(&stream->changed, &stream->lock);
        bool stop = stream->stop;
        struct batch *batch = &stream->batches[stream->produced % BATCHES];
        pthread_mutex_unlock(&stream->lock);
        if (stop)
            break;
        more = fill_batch(stream, batch);
        pthread_mutex_lock(&stream->lock);
        stream->produced++;
        pthread_cond_broadcast(&stream->changed);
        pthread_mutex_unlock(&stream->lock);
    }
    return NULL;
}

struct event_stream *event_stream_open(const char *bytes, size_t length)
{
    struct event_stream *stream = calloc(1, sizeof *stream);
    if (!stream)
        return NULL;
    if (!yaml_parser_initialize(&stream->parser)) {
        free(stream);
        return NULL;
    }
    yaml_parser_set_input_string(&stream->parser, (const unsigned char *)bytes, length);
    pthread_mutex_init(&stream->lock, NULL);
    pthread_cond_init(&stream->changed, NULL);
    stream->threaded = pthread_create(&stream->thread, NULL, parse_ahead, stream) == 0;
    return stream;
}

/* Waits for the next batch and holds it. */
static void take_batch(struct event_stream *stream)
{
    if (!stream->threaded) {
        fill_batch(stream, &stream->batches[stream->produced % BATCHES]);
        stream->produced++;
    }
    pthread_mutex_lock(&stream->lock);
    while (stream->produced == stream->consumed)
        pthread_cond_wait(&stream->changed, &stream->lock);
    pthread_mutex_unlock(&stream->lock);
    stream->holding = true;
    stream->next_event = 0;
}

static void give_back_batch(struct event_stream *stream)
{
    pthread_mutex_lock(&stream->lock);
    stream->consumed++;
    pthread_cond_broadcast(&stream->changed);
    pthread_mutex_unlock(&stream->lock);
    stream->holding = false;
}

bool event_stream_next(struct event_stream *stream, yaml_event_t *event)
{
    for (;;) {
        if (!stream->holding)
            take_batch(stream);
        struct batch *batch = &stream->batches[stream->consumed % BATCHES];
        if (stream->next_event < batch->count) {
            *event = batch->events[stream->next_event++];
            return true;
        }
        if (batch->failed)
            return false;
        if (batch->last) {
            /* Past the end, libyaml gives empty events: so does the stream. */
            memset(event, 0, sizeof *event);
            return true;
        }
        give_back_batch(stream);
    }
}

const yaml_parser_t *event_stream_parser(const struct event_stream *stream)
{
    return &stream->parser;
}

void event_stream_close(struct event_stream *stream)
{
    if (!stream)
        return;
    if (stream->threaded) {
        pthread_mutex_lock(&stream->lock);
        stream->stop = true;
        pthread_cond_broadcast(&stream->changed);
        pthread_mutex_unlock(&stream->lock);
        pthread_join(stream->thread, NULL);
    }
    for (size_t n = stream->consumed; n < stream->produced; n++) {
        struct batch *batch = &stream->batches[n % BATCHES];
        size_t first = n == stream->consumed && stream->holding ? stream->next_event : 0;
        for (size_t i = first; i < batch->count; i++)
            yaml_event_delete(&batch->events[i]);
    }
    pthread_mutex_destroy(&stream->lock);
    pthread_cond_destroy(&stream->changed);
    yaml_parser_delete(&stream->parser);
    free(stream);
}
