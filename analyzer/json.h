/* json.h: a small, strict JSON reader (RFC 8259), for compile_commands.json.
 *
 * Accepts exactly JSON: objects, arrays, strings (all escapes, \uXXXX and
 * surrogate pairs decoded to UTF-8), numbers, true/false/null; no comments,
 * no trailing commas, no NaN, nothing after the top-level value but blanks.
 * Nesting deeper than JSON_MAX_DEPTH is an error, so hostile input cannot
 * exhaust the stack; any input, however broken, gives an error message and
 * never a crash. Errors read "LINE:COL: reason" (1-based; COL counts bytes).
 *
 * Ownership: a json_doc owns every value and string in it (one arena);
 * json_free() drops them all. Pointers obtained from a document are valid
 * until then.
 */
#ifndef REFFLOW_JSON_H
#define REFFLOW_JSON_H

#include <stdbool.h>
#include <stddef.h>

#define JSON_MAX_DEPTH 256

typedef enum json_kind {
    JSON_NULL,
    JSON_BOOL,
    JSON_NUMBER,
    JSON_STRING,
    JSON_ARRAY,
    JSON_OBJECT,
} json_kind;

typedef struct json_value json_value;
struct json_value {
    json_kind kind;
    int line, col;        /* where the value starts */
    bool boolean;         /* JSON_BOOL */
    double number;        /* JSON_NUMBER */
    const char *string;   /* JSON_STRING: UTF-8, NUL-terminated (may hold NULs: see len) */
    size_t len;           /* JSON_STRING: length in bytes */
    int count;            /* JSON_ARRAY / JSON_OBJECT: number of items / members */
    json_value **items;   /* array items, or object member values */
    const char **keys;    /* JSON_OBJECT: keys[i] names items[i] (duplicates kept) */
};

typedef struct json_doc json_doc;

/* Parses len bytes at text. NULL with "LINE:COL: reason" in err on error.
 * The caller owns the document (json_free). */
json_doc *json_parse(const char *text, size_t len, char *err, size_t errlen);
/* The top-level value, owned by doc. */
const json_value *json_root(const json_doc *doc);
void json_free(json_doc *doc);

/* Member key of an object (the last one if the key repeats), or NULL if v is
 * not an object or has no such member. Owned by v's document. */
const json_value *json_get(const json_value *v, const char *key);
/* "object", "array", "string", ... for messages. */
const char *json_kind_name(json_kind k);

#endif
