/* template.c: what parsing and rendering share: freeing the tree, and
 * linking its partial tags to the set's partials. */
#include "template.h"

#include <stdlib.h>
#include <string.h>

void template_free_nodes(struct node *node)
{
    for (size_t i = 0; i < node->count; i++)
        template_free_nodes(&node->children[i]);
    for (size_t i = 0; i < node->segment_count; i++)
        free(node->segments[i]);
    free(node->segments);
    free(node->segment_lengths);
    free(node->children);
    free(node->indent);
    free(node->name);
}

void template_free(struct template *template)
{
    if (!template)
        return;
    template_free_nodes(&template->root);
    source_free(&template->source);
    free((char *)template->source.path);
    free(template);
}

struct mark template_mark(const struct template *template, size_t offset)
{
    return source_mark_at(&template->source, offset);
}

static bool link_nodes(const struct template *template, struct node *node,
                       const struct partial *partials, size_t count, struct diags *diags)
{
    bool ok = true;
    for (size_t i = 0; i < node->count; i++) {
        struct node *child = &node->children[i];
        if (child->kind != NODE_PARTIAL) {
            ok = link_nodes(template, child, partials, count, diags) && ok;
            continue;
        }
        const struct partial *found = NULL;
        for (size_t p = 0; p < count && !found; p++)
            if (strcmp(partials[p].name, child->name) == 0)
                found = &partials[p];
        child->partial = found ? found->template : NULL;
        ok = ok && child->partial;
        if (!found) /* one that is there but did not parse has its own errors */
            diag_add(diags, template->source.path, template_mark(template, child->offset),
                     "no partial '%s' (a file %s.partial beside the templates)", child->name,
                     child->name);
    }
    return ok;
}

bool template_link(struct template *template, const struct partial *partials, size_t count,
                   struct diags *diags)
{
    return link_nodes(template, &template->root, partials, count, diags);
}
