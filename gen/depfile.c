/* depfile.c: "out/a.h out/a.c: registry.yaml templates/x.tmpl" */
#include "depfile.h"
#include "buffer.h"
#include "source.h"
#include "write.h"

#include <stdlib.h>

/* Make's escapes: a space or '#' behind a backslash, '$' doubled. */
static bool append_escaped(struct buffer *out, const char *path)
{
    bool ok = true;
    for (const char *c = path; ok && *c; c++) {
        if (*c == ' ' || *c == '#' || *c == '\\')
            ok = buffer_append_char(out, '\\');
        else if (*c == '$')
            ok = buffer_append_char(out, '$');
        ok = ok && buffer_append_char(out, *c);
    }
    return ok;
}

int write_depfile(const char *path, const char *output_dir, const struct artifacts *artifacts,
                  const char *registry, const struct inputs *inputs)
{
    struct buffer out = {0};
    bool ok = true;
    for (size_t i = 0; ok && i < artifacts->count; i++) {
        char *target = path_join(output_dir, artifacts->items[i].name);
        ok = target && (i == 0 || buffer_append_char(&out, ' ')) && append_escaped(&out, target);
        free(target);
    }
    ok = ok && buffer_append_string(&out, ": ") && append_escaped(&out, registry);
    for (size_t i = 0; ok && i < inputs->count; i++)
        ok = buffer_append_char(&out, ' ') && append_escaped(&out, inputs->paths[i]);
    ok = ok && buffer_append_char(&out, '\n');
    int status = ok ? write_file(path, out.bytes, out.length) : EXIT_TROUBLE;
    buffer_free(&out);
    return status;
}
