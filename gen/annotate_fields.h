/* annotate_fields.h: what the templates need of the fields a registry
 * declares of its own (registry.fields), under '_' keys:
 *
 *   field._field_upper   "SEVERITY": the field's part of a C name
 *   field._is_string, _is_integer, _is_boolean, _is_list, _is_enum
 *   field._values        an enum's values: [{value, _upper}]
 *   field._any_empty     a list field: whether some entry's list is empty
 *   model._has_fields    whether the registry declares any
 *   entry._fields        (when any is declared) per declared field, in
 *                        order: {field (its name),
 *                        value (null for a string left out), _field_upper,
 *                        the _is_ of its type, _value_upper (an enum's),
 *                        _has_items (a list's), _present (whether there is
 *                        a value to show: a string given, a list not
 *                        empty, any other)} */
#ifndef REGEN_ANNOTATE_FIELDS_H
#define REGEN_ANNOTATE_FIELDS_H

#include <jansson.h>

void annotate_fields(json_t *model);

#endif
