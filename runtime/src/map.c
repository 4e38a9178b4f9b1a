/* map.c: the built-in map type: an open-addressing hash table (linear
 * probing, power-of-two capacity) of owned key and value references,
 * tracked by the collector.
 *
 * Assumes: the ownership invariants in rf/builtins.h. ints and strs hash
 * and compare by value, other objects by address. The table is kept at
 * most 2/3 full counting deleted slots.
 */
#include <string.h>

#include "builtins_internal.h"
#include "error_internal.h"
#include "mem_internal.h"
#include "object_internal.h"

#define MAP_MIN_CAP 8
#define SLOT_DELETED 1

static int map_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    rf_map *m = (rf_map *)self;
    for (size_t i = 0; i < m->cap; i++) {
        rf_map_entry *e = &m->slots[i];
        if (e->key == NULL)
            continue;
        int r = visit(e->key, arg);
        if (r == 0)
            r = visit(e->value, arg);
        if (r != 0)
            return r;
    }
    return 0;
}

/* Empties the map first, then releases keys and values. */
static void map_clear(rf_object *self)
{
    rf_map *m = (rf_map *)self;
    rf_map_entry *slots = m->slots;
    size_t cap = m->cap;
    m->slots = NULL;
    m->cap = m->used = m->filled = 0;
    for (size_t i = 0; i < cap; i++) {
        if (slots[i].key != NULL) {
            RF_DECREF(slots[i].key);
            RF_DECREF(slots[i].value);
        }
    }
    rf_mem_free(slots);
}

rf_type rf_map_type = {
    .name = "map",
    .size = sizeof(rf_map),
    .traverse = map_traverse,
    .clear = map_clear,
};

rf_object *rf_map_new(void)
{
    return rf_new(&rf_map_type);
}

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static uint64_t key_hash(rf_object *key)
{
    if (RF_INT_CHECK(key))
        return mix64((uint64_t)((rf_int *)key)->value);
    if (RF_STR_CHECK(key))
        return rf_str_hash_((rf_str *)key);
    return mix64((uint64_t)(uintptr_t)key);
}

static int key_equal(rf_object *a, rf_object *b)
{
    if (a == b)
        return 1;
    if (a->rf_type != b->rf_type)
        return 0;
    if (RF_INT_CHECK(a))
        return ((rf_int *)a)->value == ((rf_int *)b)->value;
    if (RF_STR_CHECK(a)) {
        rf_str *x = (rf_str *)a, *y = (rf_str *)b;
        return x->len == y->len && memcmp(x->data, y->data, x->len) == 0;
    }
    return 0;
}

/* The slot holding key, or NULL. */
static rf_map_entry *find(rf_map *m, rf_object *key, uint64_t h)
{
    if (m->cap == 0)
        return NULL;
    size_t mask = m->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        rf_map_entry *e = &m->slots[i];
        if (e->key == NULL && e->hash != SLOT_DELETED)
            return NULL;
        if (e->key != NULL && e->hash == h && key_equal(e->key, key))
            return e;
    }
}

/* The first empty or deleted slot on key's probe path. Pre: room left. */
static rf_map_entry *free_slot(rf_map *m, uint64_t h)
{
    size_t mask = m->cap - 1;
    size_t i = h & mask;
    while (m->slots[i].key != NULL)
        i = (i + 1) & mask;
    return &m->slots[i];
}

/* Rebuilds the table with cap slots (moves references, no refcounting). */
static int resize(rf_map *m, size_t cap)
{
    rf_map_entry *slots = rf_mem_calloc(cap * sizeof(rf_map_entry));
    if (slots == NULL)
        return -1;
    rf_map_entry *old = m->slots;
    size_t oldcap = m->cap;
    m->slots = slots;
    m->cap = cap;
    m->filled = m->used;
    for (size_t i = 0; i < oldcap; i++)
        if (old[i].key != NULL)
            *free_slot(m, old[i].hash) = old[i];
    rf_mem_free(old);
    return 0;
}

/* Makes room for one more entry; -1 on out of memory. */
static int reserve_one(rf_map *m)
{
    if ((m->filled + 1) * 3 <= m->cap * 2)
        return 0;
    size_t cap = MAP_MIN_CAP;
    while (cap < (m->used + 1) * 2)
        cap *= 2;
    if (cap < m->cap)
        cap = m->cap; /* many deleted slots: rebuild in place */
    return resize(m, cap);
}

static int check_map(rf_object *map, rf_object *key, const char *fn)
{
    if (map == NULL || !RF_MAP_CHECK(map)) {
        rf_error_set_(RF_ERR_TYPE, "%s: not a map", fn);
        return -1;
    }
    if (key == NULL) {
        rf_error_set_(RF_ERR_VALUE, "%s: NULL key", fn);
        return -1;
    }
    return 0;
}

int rf_map_set(rf_object *map, rf_object *key, rf_object *value)
{
    if (check_map(map, key, "rf_map_set") < 0)
        return -1;
    if (value == NULL) {
        rf_error_set_(RF_ERR_VALUE, "rf_map_set: NULL value");
        return -1;
    }
    rf_map *m = (rf_map *)map;
    uint64_t h = key_hash(key);
    rf_map_entry *e = find(m, key, h);
    if (e != NULL) {
        RF_INCREF(value);
        RF_SETREF(e->value, value);
        return 0;
    }
    if (reserve_one(m) < 0)
        return -1;
    e = free_slot(m, h);
    if (e->hash != SLOT_DELETED)
        m->filled++;
    RF_INCREF(key);
    RF_INCREF(value);
    e->hash = h;
    e->key = key;
    e->value = value;
    m->used++;
    return 0;
}

rf_object *rf_map_get(rf_object *map, rf_object *key)
{
    if (check_map(map, key, "rf_map_get") < 0)
        return NULL;
    rf_map_entry *e = find((rf_map *)map, key, key_hash(key));
    if (e == NULL) {
        rf_error_set_(RF_ERR_KEY, "rf_map_get: key not found");
        return NULL;
    }
    return e->value;
}

int rf_map_del(rf_object *map, rf_object *key)
{
    if (check_map(map, key, "rf_map_del") < 0)
        return -1;
    rf_map *m = (rf_map *)map;
    rf_map_entry *e = find(m, key, key_hash(key));
    if (e == NULL) {
        rf_error_set_(RF_ERR_KEY, "rf_map_del: key not found");
        return -1;
    }
    rf_object *old_key = e->key, *old_value = e->value;
    e->key = e->value = NULL;
    e->hash = SLOT_DELETED;
    m->used--;
    RF_DECREF(old_key);
    RF_DECREF(old_value);
    return 0;
}

long rf_map_len(rf_object *map)
{
    if (map == NULL || !RF_MAP_CHECK(map)) {
        rf_error_set_(RF_ERR_TYPE, "rf_map_len: not a map");
        return -1;
    }
    return (long)((rf_map *)map)->used;
}

int rf_map_next(rf_object *map, size_t *pos, rf_object **key, rf_object **value)
{
    if (map == NULL || !RF_MAP_CHECK(map))
        return 0;
    rf_map *m = (rf_map *)map;
    for (size_t i = *pos; i < m->cap; i++) {
        if (m->slots[i].key != NULL) {
            if (key != NULL)
                *key = m->slots[i].key;
            if (value != NULL)
                *value = m->slots[i].value;
            *pos = i + 1;
            return 1;
        }
    }
    *pos = m->cap;
    return 0;
}
