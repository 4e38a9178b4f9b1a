/* rf/builtins.h: the built-in object types: int, str, list, map.
 *
 * Assumes: <rf/object.h> and <rf/annotations.h> included before.
 *
 * Invariants:
 * - int and str are immutable and not tracked by the collector.
 * - list and map are containers tracked by the collector (traverse + clear).
 *   A list owns one reference to each item; a map owns one reference to
 *   each key and each value. Items are never NULL.
 * - Borrowed results (rf_list_get, rf_map_get) stay valid only while the
 *   container keeps the item and the caller keeps the container alive.
 * - Map keys: ints and strs hash and compare by value, every other object
 *   by identity.
 * Every function sets the error state on failure (<rf/error.h>).
 */
#ifndef RF_BUILTINS_H
#define RF_BUILTINS_H

#include <stddef.h>

extern rf_type rf_int_type;
extern rf_type rf_str_type;
extern rf_type rf_list_type;
extern rf_type rf_map_type;

#define RF_INT_CHECK(o) (((rf_object *)(o))->rf_type == &rf_int_type)
#define RF_STR_CHECK(o) (((rf_object *)(o))->rf_type == &rf_str_type)
#define RF_LIST_CHECK(o) (((rf_object *)(o))->rf_type == &rf_list_type)
#define RF_MAP_CHECK(o) (((rf_object *)(o))->rf_type == &rf_map_type)

/* --- int --- */
/* A new int holding v, owned by the caller; NULL on failure. */
RF_NEW_REF RF_NOT_REF(1) rf_object *rf_int_new(long v);
/* The value of an int; -1 with RF_ERR_TYPE if o is not an int. */
RF_BORROWS(1) long rf_int_value(rf_object *o);

/* --- str --- */
/* A new str holding a copy of the NUL-terminated s, owned by the caller;
 * NULL on failure (RF_ERR_VALUE if s is NULL). */
RF_NEW_REF RF_NOT_REF(1) rf_object *rf_str_new(const char *s);
/* A new str holding a copy of len bytes at s (may contain NULs). */
RF_NEW_REF RF_NOT_REF(1) RF_NOT_REF(2) rf_object *rf_str_new_len(const char *s, size_t len);
/* The bytes of a str, NUL-terminated, owned by the str (valid while it
 * lives); NULL with RF_ERR_TYPE if o is not a str. */
RF_BORROWS(1) const char *rf_str_data(rf_object *o);
/* The length of a str in bytes; 0 with RF_ERR_TYPE if o is not a str. */
RF_BORROWS(1) size_t rf_str_len(rf_object *o);

/* --- list --- */
/* A new empty list, owned by the caller; NULL on failure. */
RF_NEW_REF rf_object *rf_list_new(void);
/* Appends item (the list takes its own reference: item is not stolen).
 * 0 on success; -1 on failure (not a list, NULL item, out of memory). */
RF_STATUS RF_BORROWS(1) RF_BORROWS(2) int rf_list_append(rf_object *list, rf_object *item);
/* The item at index i, borrowed; NULL with RF_ERR_INDEX when i is out of
 * range (negative or >= length), RF_ERR_TYPE when list is not a list. */
RF_BORROWED_REF RF_BORROWS(1) RF_NOT_REF(2) rf_object *rf_list_get(rf_object *list, long i);
/* Replaces the item at index i with item, stealing the caller's reference
 * to item even on failure (like PyList_SetItem); the old item is released.
 * 0 on success, -1 on failure (bad index, not a list, NULL item). */
RF_STATUS RF_BORROWS(1) RF_NOT_REF(2) RF_STEALS(3)
int rf_list_set(rf_object *list, long i, rf_object *item);
/* The number of items; -1 with RF_ERR_TYPE if list is not a list. */
RF_BORROWS(1) long rf_list_len(rf_object *list);

/* --- map --- */
/* A new empty map, owned by the caller; NULL on failure. */
RF_NEW_REF rf_object *rf_map_new(void);
/* Maps key to value; the map takes its own references to both (nothing is
 * stolen). Replacing a value releases the old one. 0 on success, -1 on
 * failure (not a map, NULL key or value, out of memory). */
RF_STATUS RF_BORROWS(1) RF_BORROWS(2) RF_BORROWS(3)
int rf_map_set(rf_object *map, rf_object *key, rf_object *value);
/* The value for key, borrowed; NULL with RF_ERR_KEY when missing (or
 * RF_ERR_TYPE when map is not a map). */
RF_BORROWED_REF RF_BORROWS(1) RF_BORROWS(2) rf_object *rf_map_get(rf_object *map, rf_object *key);
/* Removes key and releases its key and value references. 0 on success, -1
 * with RF_ERR_KEY when missing. */
RF_STATUS RF_BORROWS(1) RF_BORROWS(2) int rf_map_del(rf_object *map, rf_object *key);
/* The number of entries; -1 with RF_ERR_TYPE if map is not a map. */
RF_BORROWS(1) long rf_map_len(rf_object *map);
/* Iterates: start with *pos = 0; each call stores the next entry's key and
 * value (borrowed, may be NULL pointers to skip) and returns 1, or returns 0
 * at the end. The map must not change during the iteration. */
RF_BORROWS(1) RF_NOT_REF(2) RF_NOT_REF(3) RF_NOT_REF(4)
int rf_map_next(rf_object *map, size_t *pos, rf_object **key, rf_object **value);

#endif
