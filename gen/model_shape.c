/* model_shape.c: the JSON Schema of the model (model_shape.h). */
#include "model_shape.h"
#include "fields.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The kinds of object in the model, each built once and filled in. */
enum place {
    IN_MODEL,
    IN_REGISTRY,
    IN_CLASS,
    IN_FLAG,
    IN_ENTRY,
    IN_DECLARATION,    /* registry.fields[] */
    IN_DECLARED_VALUE, /* registry.fields[]._values[] */
    IN_ENTRY_FIELD,    /* entry._fields[] */
    IN_LOOKUP,         /* model._lookup */
    IN_CODE_TABLE,     /* _lookup.code */
    IN_DIRECT_INDEX,   /* _lookup.code.direct */
    IN_HASH,           /* _lookup.code.hash; its keys are also a string table's */
    IN_CODE_SLOT,      /* _lookup.code.slots[] */
    IN_STRING_TABLE,   /* _lookup.strings[] */
    IN_DISPLACEMENTS,  /* displacement_rows[] of a hash */
    IN_STRING_SLOT,    /* _lookup.strings[].slots[] */
    IN_FOLDED,         /* _lookup.strings[].slots[].folded */
    IN_MAIN_PATH,      /* _lookup.main_path */
    PLACE_COUNT
};

static const char *const place_titles[PLACE_COUNT] = {
    "the model",
    "'registry'",
    "a class",
    "a flag",
    "a code entry",
    "a field declaration",
    "a declared enum value",
    "an entry's declared field",
    "_lookup",
    "_lookup.code",
    "_lookup.code.direct",
    "a perfect hash",
    "a code slot",
    "a string table",
    "a displacement row",
    "a string slot",
    "a folded key",
    "_lookup.main_path",
};

/* What a key holds: a scalar, a list of strings, anything, an object of
 * another place, a list of such objects, or a code entry. */
enum holds { STRING, INTEGER, BOOLEAN, STRINGS, ANYTHING, OBJECT, OBJECTS, ENTRY, ENTRIES };

/* The keys annotate (annotate.c, annotate_fields.c) and the lookup tables
 * (lookup.c) add, and the objects built-in fields hold; the value tests
 * (_status_is ...) are added by add_value_tests. */
static const struct added_key {
    enum place place;
    const char *key;
    enum holds holds;
    bool optional;
    enum place of; /* OBJECT, OBJECTS: their place */
} added_keys[] = {
    {IN_MODEL, "registry", OBJECT, false, IN_REGISTRY},
    {IN_MODEL, "codes", ENTRIES, false, 0},
    {IN_MODEL, "_statuses", STRINGS, false, 0},
    {IN_MODEL, "_any_without_former", BOOLEAN, false, 0},
    {IN_MODEL, "_has_classes", BOOLEAN, false, 0},
    {IN_MODEL, "_source", STRING, false, 0},
    {IN_MODEL, "_prefix", STRING, false, 0},
    {IN_MODEL, "_lower_prefix", STRING, false, 0},
    {IN_MODEL, "_count", INTEGER, false, 0},
    {IN_MODEL, "_has_fields", BOOLEAN, false, 0},
    {IN_MODEL, "_lookup", OBJECT, false, IN_LOOKUP},
    {IN_REGISTRY, "classes", OBJECTS, false, IN_CLASS},
    {IN_REGISTRY, "flags", OBJECTS, false, IN_FLAG},
    {IN_REGISTRY, "fields", OBJECTS, true, IN_DECLARATION},
    {IN_REGISTRY, "_min_macro", STRING, false, 0},
    {IN_REGISTRY, "_max_macro", STRING, false, 0},
    {IN_CLASS, "_upper", STRING, false, 0},
    {IN_CLASS, "_value", INTEGER, false, 0},
    {IN_CLASS, "_anchor", STRING, false, 0},
    {IN_CLASS, "_codes", ENTRIES, false, 0},
    {IN_CLASS, "_has_codes", BOOLEAN, false, 0},
    {IN_CLASS, "_tests_min", BOOLEAN, false, 0},
    {IN_CLASS, "_tests_max", BOOLEAN, false, 0},
    {IN_CLASS, "_tests_both", BOOLEAN, false, 0},
    {IN_CLASS, "_tests_none", BOOLEAN, false, 0},
    {IN_FLAG, "_upper", STRING, false, 0},
    {IN_FLAG, "_shift", INTEGER, false, 0},
    {IN_ENTRY, "_primary", BOOLEAN, false, 0},
    {IN_ENTRY, "_index", INTEGER, false, 0},
    {IN_ENTRY, "_status_upper", STRING, false, 0},
    {IN_ENTRY, "_class_upper", STRING, true, 0},
    {IN_ENTRY, "_flag_names", STRINGS, false, 0},
    {IN_ENTRY, "_has_former", BOOLEAN, false, 0},
    {IN_ENTRY, "_has_spellings", BOOLEAN, false, 0},
    {IN_ENTRY, "_has_flags", BOOLEAN, false, 0},
    {IN_ENTRY, "_anchor", STRING, false, 0},
    {IN_ENTRY, "_fields", OBJECTS, true, IN_ENTRY_FIELD},
    {IN_DECLARATION, "_field_upper", STRING, false, 0},
    {IN_DECLARATION, "_is_string", BOOLEAN, false, 0},
    {IN_DECLARATION, "_is_integer", BOOLEAN, false, 0},
    {IN_DECLARATION, "_is_boolean", BOOLEAN, false, 0},
    {IN_DECLARATION, "_is_list", BOOLEAN, false, 0},
    {IN_DECLARATION, "_is_enum", BOOLEAN, false, 0},
    {IN_DECLARATION, "_values", OBJECTS, false, IN_DECLARED_VALUE},
    {IN_DECLARATION, "_any_empty", BOOLEAN, false, 0},
    {IN_DECLARED_VALUE, "value", STRING, false, 0},
    {IN_DECLARED_VALUE, "_upper", STRING, false, 0},
    {IN_ENTRY_FIELD, "field", STRING, false, 0},
    {IN_ENTRY_FIELD, "value", ANYTHING, false, 0},
    {IN_ENTRY_FIELD, "_field_upper", STRING, false, 0},
    {IN_ENTRY_FIELD, "_is_string", BOOLEAN, false, 0},
    {IN_ENTRY_FIELD, "_is_integer", BOOLEAN, false, 0},
    {IN_ENTRY_FIELD, "_is_boolean", BOOLEAN, false, 0},
    {IN_ENTRY_FIELD, "_is_list", BOOLEAN, false, 0},
    {IN_ENTRY_FIELD, "_is_enum", BOOLEAN, false, 0},
    {IN_ENTRY_FIELD, "_has_items", BOOLEAN, false, 0},
    {IN_ENTRY_FIELD, "_present", BOOLEAN, false, 0},
    {IN_ENTRY_FIELD, "_value_upper", STRING, true, 0},
    {IN_LOOKUP, "index_type", STRING, false, 0},
    {IN_LOOKUP, "any_full", BOOLEAN, false, 0},
    {IN_LOOKUP, "k_words", STRING, false, 0},
    {IN_LOOKUP, "k_chain", STRING, false, 0},
    {IN_LOOKUP, "fold", STRING, false, 0},
    {IN_LOOKUP, "code", OBJECT, false, IN_CODE_TABLE},
    {IN_LOOKUP, "strings", OBJECTS, false, IN_STRING_TABLE},
    {IN_LOOKUP, "main_path", OBJECT, false, IN_MAIN_PATH},
    {IN_CODE_TABLE, "direct", OBJECT, true, IN_DIRECT_INDEX},
    {IN_CODE_TABLE, "hash", OBJECT, true, IN_HASH},
    {IN_CODE_TABLE, "slots", OBJECTS, false, IN_CODE_SLOT},
    {IN_DIRECT_INDEX, "span", INTEGER, false, 0},
    {IN_HASH, "seed", STRING, false, 0},
    {IN_HASH, "seed_attempts", INTEGER, false, 0},
    {IN_HASH, "seed_bound", INTEGER, false, 0},
    {IN_HASH, "bucket_count", INTEGER, false, 0},
    {IN_HASH, "bucket_mask", INTEGER, false, 0},
    {IN_HASH, "slot_count", INTEGER, false, 0},
    {IN_HASH, "slot_mask", INTEGER, false, 0},
    {IN_HASH, "key_count", INTEGER, false, 0},
    {IN_HASH, "load_percent", INTEGER, false, 0},
    {IN_HASH, "displacement_type", STRING, false, 0},
    {IN_HASH, "displacement_rows", OBJECTS, false, IN_DISPLACEMENTS},
    {IN_CODE_SLOT, "slot", INTEGER, false, 0},
    {IN_CODE_SLOT, "entry", ENTRY, false, 0},
    {IN_STRING_TABLE, "slots", OBJECTS, false, IN_STRING_SLOT},
    {IN_STRING_TABLE, "kind", STRING, false, 0},
    {IN_STRING_TABLE, "fold", BOOLEAN, false, 0},
    {IN_STRING_TABLE, "full", BOOLEAN, false, 0},
    {IN_STRING_TABLE, "max_length", INTEGER, false, 0},
    {IN_STRING_TABLE, "pool_size", INTEGER, false, 0},
    {IN_DISPLACEMENTS, "first", INTEGER, false, 0},
    {IN_DISPLACEMENTS, "values", STRING, false, 0},
    {IN_STRING_SLOT, "slot", INTEGER, false, 0},
    {IN_STRING_SLOT, "entry", ENTRY, false, 0},
    {IN_STRING_SLOT, "offset", INTEGER, false, 0},
    {IN_STRING_SLOT, "length", INTEGER, false, 0},
    {IN_STRING_SLOT, "text", STRING, false, 0},
    {IN_STRING_SLOT, "folded", OBJECT, true, IN_FOLDED},
    {IN_FOLDED, "key", STRING, false, 0},
    {IN_FOLDED, "mask", STRING, false, 0},
    {IN_MAIN_PATH, "min_length", INTEGER, false, 0},
    {IN_MAIN_PATH, "max_length", INTEGER, false, 0},
    {IN_MAIN_PATH, "span", INTEGER, false, 0},
};

static json_t *typed(const char *type)
{
    return json_pack("{ss}", "type", type);
}

static json_t *list_of(json_t *items)
{
    return json_pack("{ssso}", "type", "array", "items", items);
}

static json_t *entry_ref(void)
{
    return json_pack("{ss}", "$ref", "#/$defs/entry");
}

static json_t *object_titled(const char *title)
{
    return json_pack("{sssss{}s[]sb}", "type", "object", "title", title, "properties", "required",
                     "additionalProperties", false);
}

/* Adds KEY holding SCHEMA (taken) to OBJECT, as a key it always has unless
 * OPTIONAL. */
static bool put(json_t *object, const char *key, json_t *schema, bool optional)
{
    if (!object || !schema ||
        json_object_set_new(json_object_get(object, "properties"), key, schema) != 0) {
        json_decref(schema);
        return false;
    }
    return optional ||
           json_array_append_new(json_object_get(object, "required"), json_string(key)) == 0;
}

/* The schema of a built-in or declared field's value. */
static json_t *field_schema(const struct field *field)
{
    switch (field->type) {
    case VALUE_INTEGER:
    case VALUE_INT64:
        return typed("integer");
    case VALUE_BOOLEAN:
        return typed("boolean");
    case VALUE_PHRASES:
    case VALUE_LINES:
        return list_of(typed("string"));
    case VALUE_ENUM: {
        json_t *schema = typed("string");
        json_t *values = json_object_get(field->declared, "values");
        if (schema && json_is_array(values))
            json_object_set(schema, "enum", values);
        return schema;
    }
    case VALUE_ANY:
        return json_object();
    default:
        return typed("string");
    }
}

/* Whether the model always holds FIELD: required or given a value when
 * left out. A derived class is there only when the registry has classes. */
static bool field_always_there(const struct field *field)
{
    if (field->presence == REQUIRED || field->presence == GIVEN_OR_DERIVED)
        return true;
    if (field->presence != OPTIONAL)
        return false;
    json_t *fallback = field_default(field);
    json_decref(fallback);
    return fallback != NULL;
}

/* The fields of KIND into OBJECT, but those holding mappings (added_keys
 * says what they hold). */
static bool put_fields(json_t *object, const struct mapping_kind *kind)
{
    bool ok = true;
    for (size_t i = 0; ok && i < kind->count; i++) {
        const struct field *field = &kind->fields[i];
        if (field->type != VALUE_MAPPING && field->type != VALUE_MAPPINGS)
            ok = put(object, field->key, field_schema(field), !field_always_there(field));
    }
    return ok;
}

static json_t *held(const struct added_key *row, json_t *const *places)
{
    switch (row->holds) {
    case STRING:
        return typed("string");
    case INTEGER:
        return typed("integer");
    case BOOLEAN:
        return typed("boolean");
    case STRINGS:
        return list_of(typed("string"));
    case ANYTHING:
        return json_object();
    case OBJECT:
        return json_incref(places[row->of]);
    case OBJECTS:
        return list_of(json_incref(places[row->of]));
    case ENTRY:
        return entry_ref();
    default:
        return list_of(entry_ref());
    }
}

/* A value test, NAME ("_status_is"): an object with a boolean per value. */
static bool put_value_test(json_t *entry, const char *name, const json_t *values,
                           const char *value_key, bool optional)
{
    json_t *test = object_titled(name);
    size_t index;
    const json_t *value;
    bool ok = test != NULL;
    json_array_foreach (values, index, value) {
        const char *text = value_key ? json_string_value(json_object_get(value, value_key))
                                     : json_string_value(value);
        ok = ok && text && put(test, text, typed("boolean"), false);
    }
    return put(entry, name, test, optional) && ok;
}

/* _status_is, _class_is (when the registry could have no class, optional),
 * _flags_has, and _FIELD_is for each declared enum field. */
static bool add_value_tests(json_t *entry, const json_t *registry)
{
    json_t *statuses = json_array();
    for (size_t i = 0; statuses && i < STATUS_COUNT; i++)
        json_array_append_new(statuses, json_string(entry_statuses[i]));
    bool ok = put_value_test(entry, "_status_is", statuses, NULL, false);
    json_decref(statuses);
    ok = ok &&
         put_value_test(entry, "_class_is", json_object_get(registry, "classes"), "name", true);
    ok = ok &&
         put_value_test(entry, "_flags_has", json_object_get(registry, "flags"), "name", false);
    size_t index;
    const json_t *declaration;
    json_array_foreach (json_object_get(registry, "fields"), index, declaration) {
        if (field_type_of(declaration) != VALUE_ENUM)
            continue;
        const char *name = json_string_value(json_object_get(declaration, "name"));
        size_t length = strlen(name ? name : "") + sizeof "__is";
        char *key = malloc(length);
        if (key && name)
            snprintf(key, length, "_%s_is", name);
        ok = ok && key && name &&
             put_value_test(entry, key, json_object_get(declaration, "values"), NULL, false);
        free(key);
    }
    return ok;
}

/* The places' objects, with the fields of the tables and the value tests;
 * annotate's keys are added after. */
static bool build_places(json_t **places, const json_t *registry)
{
    bool ok = true;
    for (int place = 0; place < PLACE_COUNT; place++)
        ok = ok && (places[place] = object_titled(place_titles[place])) != NULL;
    struct mapping_kind *entry_kind_here = entry_fields_of(registry);
    ok = ok && entry_kind_here && put_fields(places[IN_MODEL], &document_kind) &&
         put_fields(places[IN_REGISTRY], &registry_kind) &&
         put_fields(places[IN_CLASS], &class_kind) && put_fields(places[IN_FLAG], &flag_kind) &&
         put_fields(places[IN_DECLARATION], &declaration_kind) &&
         put_fields(places[IN_ENTRY], entry_kind_here) &&
         add_value_tests(places[IN_ENTRY], registry);
    entry_fields_free(entry_kind_here);
    return ok;
}

json_t *model_shape(const json_t *registry)
{
    json_t *places[PLACE_COUNT] = {0};
    bool ok = build_places(places, registry);
    /* A place's object is shared by the keys that hold it, so the order of
     * the rows is the order of the keys, and nothing else. */
    for (size_t i = 0; ok && i < sizeof added_keys / sizeof *added_keys; i++) {
        const struct added_key *row = &added_keys[i];
        ok = put(places[row->place], row->key, held(row, places), row->optional);
    }
    /* A string table holds a hash's keys itself (lookup.c). */
    ok = ok &&
         json_object_update(json_object_get(places[IN_STRING_TABLE], "properties"),
                            json_object_get(places[IN_HASH], "properties")) == 0 &&
         json_array_extend(json_object_get(places[IN_STRING_TABLE], "required"),
                           json_object_get(places[IN_HASH], "required")) == 0;
    json_t *shape = ok ? json_incref(places[IN_MODEL]) : NULL;
    ok = ok &&
         json_object_set_new(shape, "$schema",
                             json_string("https://json-schema.org/draft/2020-12/schema")) == 0 &&
         json_object_set_new(shape, "$defs", json_pack("{sO}", "entry", places[IN_ENTRY])) == 0;
    for (int place = 0; place < PLACE_COUNT; place++)
        json_decref(places[place]);
    if (!ok) {
        json_decref(shape);
        return NULL;
    }
    return shape;
}

static const json_t *resolved(const json_t *root, const json_t *schema)
{
    const char *ref = json_string_value(json_object_get(schema, "$ref"));
    static const char defs[] = "#/$defs/";
    if (ref && strncmp(ref, defs, sizeof defs - 1) == 0)
        return json_object_get(json_object_get(root, "$defs"), ref + sizeof defs - 1);
    return schema;
}

const char *model_shape_type(const json_t *schema)
{
    return json_string_value(json_object_get(schema, "type"));
}

const json_t *model_shape_key(const json_t *root, const json_t *object, const char *key,
                              size_t length, bool *optional)
{
    const char *type = model_shape_type(object);
    if (!type || strcmp(type, "object") != 0)
        return NULL;
    const json_t *schema = json_object_getn(json_object_get(object, "properties"), key, length);
    if (!schema || !optional)
        return resolved(root, schema);
    *optional = true;
    size_t index;
    const json_t *required;
    json_array_foreach (json_object_get(object, "required"), index, required)
        if (json_string_length(required) == length &&
            memcmp(json_string_value(required), key, length) == 0)
            *optional = false;
    return resolved(root, schema);
}

const json_t *model_shape_properties(const json_t *schema)
{
    const char *type = model_shape_type(schema);
    return type && strcmp(type, "object") == 0 ? json_object_get(schema, "properties") : NULL;
}

const json_t *model_shape_inside(const json_t *root, const json_t *schema)
{
    const char *type = model_shape_type(schema);
    if (type && strcmp(type, "array") == 0)
        return resolved(root, json_object_get(schema, "items"));
    return schema;
}
