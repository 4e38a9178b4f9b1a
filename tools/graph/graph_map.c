/* graph_map.c: a small string -> int hash map in an arena, for the
 * builders' name lookups (types by name, functions by name). */
#include <string.h>

#include "graph_internal.h"

struct rg_map_entry {
    const char *key;
    int value;
    rg_map_entry *next;
};

static unsigned hash(const char *s) {
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

void rg_map_init(rg_map *m, arena *a) {
    *m = (rg_map){.a = a};
}

static void rehash(rg_map *m) {
    int nb = m->nbuckets ? m->nbuckets * 4 : 64;
    rg_map_entry **b = ARENA_ARRAY(m->a, rg_map_entry *, nb);
    for (int i = 0; i < m->nbuckets; i++)
        for (rg_map_entry *e = m->buckets[i], *next; e; e = next) {
            next = e->next;
            unsigned k = hash(e->key) % (unsigned)nb;
            e->next = b[k];
            b[k] = e;
        }
    m->buckets = b;
    m->nbuckets = nb;
}

int rg_map_get(const rg_map *m, const char *key) {
    if (!key || !m->nbuckets)
        return -1;
    for (rg_map_entry *e = m->buckets[hash(key) % (unsigned)m->nbuckets]; e; e = e->next)
        if (strcmp(e->key, key) == 0)
            return e->value;
    return -1;
}

void rg_map_put(rg_map *m, const char *key, int value) {
    if (m->n >= m->nbuckets)
        rehash(m);
    unsigned k = hash(key) % (unsigned)m->nbuckets;
    for (rg_map_entry *e = m->buckets[k]; e; e = e->next)
        if (strcmp(e->key, key) == 0) {
            e->value = value;
            return;
        }
    rg_map_entry *e = ARENA_NEW(m->a, rg_map_entry);
    *e = (rg_map_entry){arena_strdup(m->a, key), value, m->buckets[k]};
    m->buckets[k] = e;
    m->n++;
}
