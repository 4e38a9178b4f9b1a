/* builtins_internal.h: the struct layouts of the built-in types, for the
 * runtime's own code (map hashing, heap dumps). Not part of the API.
 *
 * Assumes: objects are made by rf_object_alloc_; see rf/builtins.h for the
 * ownership invariants.
 */
#ifndef RF_BUILTINS_INTERNAL_H
#define RF_BUILTINS_INTERNAL_H

#include <stdint.h>

#include "rf.h"

typedef struct rf_int {
    RF_OBJECT_HEAD
    long value;
} rf_int;

typedef struct rf_str {
    RF_OBJECT_HEAD
    size_t len;
    uint64_t hash;   /* 0: not computed yet */
    char data[];     /* len bytes + NUL */
} rf_str;

typedef struct rf_list {
    RF_OBJECT_HEAD
    rf_object **items; /* owned references, len of them; block from rf_mem */
    long len;
    long cap;
} rf_list;

/* A map slot: empty (key NULL, hash 0), deleted (key NULL, hash 1) or used. */
typedef struct rf_map_entry {
    uint64_t hash;
    rf_object *key;   /* owned */
    rf_object *value; /* owned */
} rf_map_entry;

typedef struct rf_map {
    RF_OBJECT_HEAD
    rf_map_entry *slots; /* cap slots (power of two), or NULL when cap == 0 */
    size_t cap;
    size_t used;     /* live entries */
    size_t filled;   /* live + deleted slots */
} rf_map;

/* The hash of a str (cached). */
uint64_t rf_str_hash_(rf_str *s);

#endif
