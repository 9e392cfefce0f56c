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

/* The schema for a model whose "registry" is REGISTRY; NULL when out of
 * memory. Objects carry a "title" that names them in messages ("a flag"),
 * and entries are one definition, "#/$defs/entry". */
json_t *model_shape(const json_t *registry);

#endif
