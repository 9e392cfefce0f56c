/* annotate.h: what the templates need beyond the data, so that templates
 * compute nothing. Every key added here begins with '_', which keeps it out
 * of the JSON artifact ({{@json}} leaves such keys out).
 *
 *   model._source     the registry's file name, e.g. "registry.yaml"
 *   model._prefix     "HTTP_STATUS": the C prefix of macros and constants
 *                      (registry.prefix, or the registry's name upper-cased)
 *   model._lower_prefix  "http_status": of functions, types and internal names
 *   model._count      the number of entries
 *   registry._min_macro, registry._max_macro   the range as a C macro's
 *                      value: "100", "(-5)", "(-2147483647 - 1)"
 *   model._any_without_former  whether some entry has no former phrase
 *   model._has_classes  whether the registry has classes (they are optional)
 *   class._upper, class._value     C constant suffix, enum value
 *   class._anchor, class._codes, class._has_codes
 *                      Markdown anchor; its entries, by code; whether any
 *   class._tests_min, _tests_max, _tests_both, _tests_none
 *                      which bounds its C helper compares (one at the limit
 *                      of int would always hold)
 *   flag._upper, flag._shift       C constant suffix, bit number
 *   entry._index       position in the table
 *   entry._primary     whether a lookup by its code returns it
 *   entry._class_upper, entry._status_upper, entry._flag_names (upper case)
 *   entry._has_former, _has_spellings, _has_flags   whether those lists
 *                      are non-empty
 *   entry._anchor      a stable Markdown anchor, e.g. "404-not-found"
 *   entry._status_is, _class_is, _flags_has, _FIELD_is (a declared enum)
 *                      every value the field can take -> whether the entry
 *                      has it: {{#_status_is.deprecated}} tests a value
 *   model._statuses    the statuses, in order */
#ifndef REGEN_ANNOTATE_H
#define REGEN_ANNOTATE_H

#include <jansson.h>
#include <stdbool.h>

bool annotate_model(json_t *model, const char *source_name);

#endif
