/* event_stream.h: libyaml's events for the loader, parsed ahead on a thread
 * of their own.
 *
 * Parsing is about two thirds of loading a large registry; building the
 * tree is the rest. With the parser a batch of events ahead, the two run at
 * once. The loader sees the same events in the same order, and a parse
 * error where libyaml reports it. */
#ifndef REGEN_EVENT_STREAM_H
#define REGEN_EVENT_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

struct event_stream;

/* A stream over the LENGTH bytes at BYTES, which must outlive it. NULL when
 * libyaml or memory fails. Without a thread, it parses on demand. */
struct event_stream *event_stream_open(const char *bytes, size_t length);
/* The next event, which the caller deletes (yaml_event_delete). False at a
 * parse error: the parser's error fields say what and where. */
bool event_stream_next(struct event_stream *stream, yaml_event_t *event);
/* The parser, for its error fields once event_stream_next returned false. */
const yaml_parser_t *event_stream_parser(const struct event_stream *stream);
/* Stops the parser wherever it is, and deletes the events not taken. */
void event_stream_close(struct event_stream *stream);

#endif
