/* json_text.c: JSON text through Jansson's dump, into a buffer. */
#include "json_text.h"

#define DUMP_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY)

static int append_dumped(const char *bytes, size_t length, void *out)
{
    return buffer_append(out, bytes, length) ? 0 : -1;
}

/* A copy of VALUE without the '_' keys. A deep copy: the model is shared by
 * the threads that render, and a copy that shared its values would change
 * their reference counts under the others' reads. */
static json_t *public_copy(const json_t *value)
{
    if (json_is_array(value)) {
        json_t *copy = json_array();
        size_t index;
        const json_t *item;
        json_array_foreach (value, index, item)
            if (json_array_append_new(copy, public_copy(item)) != 0) {
                json_decref(copy);
                return NULL;
            }
        return copy;
    }
    if (!json_is_object(value))
        return json_deep_copy(value);
    json_t *copy = json_object();
    const char *key;
    size_t key_length;
    json_t *member;
    json_object_keylen_foreach((json_t *)value, key, key_length, member)
    {
        if (key[0] != '_' &&
            json_object_setn_new(copy, key, key_length, public_copy(member)) != 0) {
            json_decref(copy);
            return NULL;
        }
    }
    return copy;
}

bool json_text_append(struct buffer *out, const json_t *value)
{
    json_t *copy = public_copy(value);
    bool ok = copy && json_dump_callback(copy, append_dumped, out, DUMP_FLAGS) == 0;
    json_decref(copy);
    return ok;
}

bool json_text_append_string(struct buffer *out, const char *text, size_t length)
{
    json_t *string = json_stringn(text, length);
    struct buffer quoted = {0};
    bool ok = string && json_dump_callback(string, append_dumped, &quoted, DUMP_FLAGS) == 0 &&
              buffer_append(out, quoted.bytes + 1, quoted.length - 2);
    buffer_free(&quoted);
    json_decref(string);
    return ok;
}
