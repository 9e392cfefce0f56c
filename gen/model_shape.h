/* model_shape.h: every key the model can have, where, and of what type: a
 * JSON Schema of the model that templates see (docs/templates.md).
 *
 * It is built for a registry, not from its data: the built-in fields come
 * from the tables of fields.h, the registry's declared fields, classes,
 * flags and statuses give the keys of the entries and of their value tests
 * (_status_is, _class_is, _flags_has, _FIELD_is), and what annotate adds is
 * listed here. A key that an entry may lack (origin, a declared string
 * without a default, class when the registry could have none) is optional:
 * not in "required". The template check (template_check.h) reads it, and
 * the tests validate --dump-model's output against it (--model-schema
 * prints it), so the check and the model cannot disagree. */
#ifndef REGEN_MODEL_SHAPE_H
#define REGEN_MODEL_SHAPE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* The schema for a model whose "registry" is REGISTRY; NULL when out of
 * memory. Objects carry a "title" that names them in messages ("a flag"),
 * and entries are one definition, "#/$defs/entry". */
json_t *model_shape(const json_t *registry);

/* Reading a shape, for the check and the renderer alike, so that both find
 * a name in the same place. ROOT is the whole shape (for "$ref").
 *
 * The schema of KEY (LENGTH bytes) in OBJECT, an object's schema: NULL
 * when OBJECT is no object's or has no such key; *OPTIONAL (unless NULL)
 * tells whether the key may be absent. */
const json_t *model_shape_key(const json_t *root, const json_t *object, const char *key,
                              size_t length, bool *optional);
/* The keys of SCHEMA when it is an object's (a JSON object of key ->
 * schema), else NULL: the renderer keeps it per section. */
const json_t *model_shape_properties(const json_t *schema);
/* What a section over a value of SCHEMA sees: a list's item, or the value. */
const json_t *model_shape_inside(const json_t *root, const json_t *schema);
/* SCHEMA's "type" ("object", "array", "string" ...), or NULL: anything. */
const char *model_shape_type(const json_t *schema);

#endif
