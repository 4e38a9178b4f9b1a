/* typegraph.c: building the type reference graph (typegraph.h), deciding
 * which types the collector traces, and finding the cycles through a field.
 * Assumes the front end added every type before tg_finish. */
#include "typegraph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tg_init(typegraph *g) {
    memset(g, 0, sizeof *g);
    arena_init(&g->mem);
}

void tg_free(typegraph *g) {
    arena_free(&g->mem);
    memset(g, 0, sizeof *g);
}

static void *grow(arena *a, void *old, int n, int *cap, size_t elem) {
    if (n < *cap)
        return old;
    int ncap = *cap ? *cap * 2 : 16;
    void *v = arena_alloc(a, elem * (size_t)ncap);
    if (n)
        memcpy(v, old, elem * (size_t)n);
    *cap = ncap;
    return v;
}

int tg_find(const typegraph *g, const char *name) {
    for (int i = 0; name && i < g->n; i++)
        if (strcmp(g->types[i].name, name) == 0)
            return i;
    return -1;
}

int tg_find_record(const typegraph *g, const char *name) {
    int i = tg_find(g, name);
    for (int k = 0; i < 0 && name && k < g->n; k++)
        if (g->types[k].tag && strcmp(g->types[k].tag, name) == 0)
            i = k;
    return i;
}

bool tg_field_borrowed(const typegraph *g, const char *record, const char *field,
                       bool by_comment) {
    int t = g && record && field ? tg_find_record(g, record) : -1;
    for (int f = 0; t >= 0 && f < g->types[t].nfields; f++)
        if (strcmp(g->types[t].fields[f].name, field) == 0)
            return !g->types[t].fields[f].owned && (by_comment || !g->types[t].fields[f].by_comment);
    return false;
}

int tg_add_type(typegraph *g, const char *name, ir_loc loc, tg_flavor flavor) {
    int i = tg_find(g, name);
    if (i >= 0)
        return i;
    g->types = grow(&g->mem, g->types, g->n, &g->cap, sizeof *g->types);
    tg_type *t = &g->types[g->n];
    memset(t, 0, sizeof *t);
    t->name = arena_strdup(&g->mem, name);
    t->loc = loc;
    t->loc.file = arena_strdup(&g->mem, loc.file);
    t->flavor = flavor;
    t->base = -1;
    return g->n++;
}

int tg_add_field(typegraph *g, int ti, const tg_field *f) {
    tg_type *t = &g->types[ti];
    t->fields = grow(&g->mem, t->fields, t->nfields, &t->fieldcap, sizeof *t->fields);
    tg_field *c = &t->fields[t->nfields];
    *c = *f;
    c->name = arena_strdup(&g->mem, f->name);
    c->target = arena_strdup(&g->mem, f->target);
    c->why_borrowed = arena_strdup(&g->mem, f->why_borrowed);
    c->loc.file = arena_strdup(&g->mem, f->loc.file);
    c->target_type = -1;
    return t->nfields++;
}

static const char *why_untraced(typegraph *g, const tg_type *t) {
    if (t->flavor == TG_FLAVOR_RULE)
        return "objects of this kind have no tracing collector";
    if (!t->type_object)
        return "no type object for it in this unit";
    if (t->flavor == TG_FLAVOR_RF)
        return t->traverse ? NULL
                           : arena_printf(&g->mem, "its rf_type '%s' has no traverse",
                                          t->type_object);
    if (t->inherits)
        return NULL;
    if (!t->gc)
        return arena_printf(&g->mem, "its type '%s' lacks Py_TPFLAGS_HAVE_GC", t->type_object);
    if (!t->traverse)
        return arena_printf(&g->mem, "its type '%s' has no tp_traverse", t->type_object);
    return NULL;
}

void tg_finish(typegraph *g) {
    for (int i = 0; i < g->n; i++) {
        tg_type *t = &g->types[i];
        for (int f = 0; f < t->nfields; f++)
            if (t->fields[f].kind == TG_EDGE_TYPED)
                t->fields[f].target_type = tg_find(g, t->fields[f].target);
        t->why_untraced = why_untraced(g, t);
        t->traced = t->why_untraced == NULL;
    }
    for (int i = 0; i < g->n; i++) {
        tg_type *t = &g->types[i];
        for (int f = 0; f < t->nfields; f++) {
            tg_path p;
            t->fields[f].on_cycle = tg_field_cycle(g, i, f, &p);
            t->on_cycle |= t->fields[f].on_cycle;
        }
    }
}

bool tg_judged_here(const tg_type *t) {
    if (t->flavor == TG_FLAVOR_RULE)
        return t->in_main_file;
    return t->type_object && t->type_object_in_main;
}

const char *tg_flavor_name(tg_flavor f) {
    return f == TG_FLAVOR_RF ? "rf" : f == TG_FLAVOR_CPYTHON ? "cpython" : "rule";
}

const char *tg_edge_kind_name(tg_edge_kind k) {
    return k == TG_EDGE_TYPED ? "type" : k == TG_EDGE_ANY ? "any" : "container";
}

/* --- cycles ------------------------------------------------------------- */

/* Is type u t itself or one of t's embedded bases (an A * field may hold a
 * subtype of A)? */
static bool enters(const typegraph *g, int t, int u) {
    for (int k = 0; t >= 0 && k < TG_MAX_PATH; k++, t = g->types[t].base)
        if (t == u)
            return true;
    return false;
}

/* Can the field be an edge of a cycle: it owns what it holds, and what it
 * holds may refer to other objects? */
static bool links(const tg_field *f) {
    return f->owned && !f->leaf;
}

/* The owned typed field of type y that holds a t (or a base of t), or -1. */
static int entry_field(const typegraph *g, int y, int t) {
    const tg_type *ty = &g->types[y];
    for (int f = 0; f < ty->nfields; f++) {
        const tg_field *fl = &ty->fields[f];
        if (links(fl) && fl->kind == TG_EDGE_TYPED && fl->target_type >= 0 &&
            enters(g, fl->target_type, t))
            return f;
    }
    return -1;
}

typedef struct bfs {
    int *queue, head, tail;
    int *from_type, *from_field; /* how each type was reached; -2: not yet, -1: a start */
} bfs;

static void reach(bfs *b, int u, int from_t, int from_f) {
    if (b->from_type[u] != -2)
        return;
    b->from_type[u] = from_t;
    b->from_field[u] = from_f;
    b->queue[b->tail++] = u;
}

static void expand(const typegraph *g, bfs *b, int y) {
    const tg_type *ty = &g->types[y];
    for (int f = 0; f < ty->nfields; f++) {
        const tg_field *fl = &ty->fields[f];
        if (!links(fl))
            continue;
        if (fl->kind == TG_EDGE_TYPED) {
            if (fl->target_type >= 0)
                reach(b, fl->target_type, y, f);
        } else {
            for (int u = 0; u < g->n; u++)
                reach(b, u, y, f);
        }
    }
}

/* Writes the path: (t, f), the fields that led to y, then (y, h). */
static bool build_path(const bfs *b, int t, int f, int y, int h, tg_path *out) {
    int rev_t[TG_MAX_PATH], rev_f[TG_MAX_PATH], n = 0;
    for (int u = y; b->from_type[u] >= 0; u = b->from_type[u]) {
        if (n == TG_MAX_PATH - 2)
            return false;
        rev_t[n] = b->from_type[u];
        rev_f[n++] = b->from_field[u];
    }
    out->n = 0;
    out->type[out->n] = t;
    out->field[out->n++] = f;
    for (int i = n - 1; i >= 0; i--) {
        out->type[out->n] = rev_t[i];
        out->field[out->n++] = rev_f[i];
    }
    out->type[out->n] = y;
    out->field[out->n++] = h;
    return true;
}

static bool search(const typegraph *g, bfs *b, int t, int f, tg_path *out) {
    const tg_field *start = &g->types[t].fields[f];
    if (start->kind == TG_EDGE_TYPED)
        reach(b, start->target_type, -1, -1);
    else
        for (int u = 0; u < g->n; u++)
            reach(b, u, -1, -1);
    while (b->head < b->tail) {
        int y = b->queue[b->head++];
        int h = entry_field(g, y, t);
        if (h >= 0)
            return build_path(b, t, f, y, h, out);
        expand(g, b, y);
    }
    return false;
}

bool tg_field_cycle(const typegraph *g, int t, int f, tg_path *out) {
    const tg_field *start = &g->types[t].fields[f];
    if (!links(start) || (start->kind == TG_EDGE_TYPED && start->target_type < 0))
        return false;
    if (start->kind == TG_EDGE_TYPED && enters(g, start->target_type, t)) {
        out->n = 1;
        out->type[0] = t;
        out->field[0] = f;
        return true;
    }
    bfs b = {0};
    int n = g->n;
    b.queue = malloc(sizeof(int) * (size_t)n * 3 + 1);
    if (!b.queue)
        abort();
    b.from_type = b.queue + n;
    b.from_field = b.from_type + n;
    for (int u = 0; u < n; u++)
        b.from_type[u] = -2;
    bool found = search(g, &b, t, f, out);
    free(b.queue);
    return found;
}

const char *tg_path_text(const typegraph *g, const tg_path *p, char *buf, size_t len) {
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < p->n && k < len; i++) {
        const tg_type *t = &g->types[p->type[i]];
        k += (size_t)snprintf(buf + k, len - k, "%s.%s -> ", t->name, t->fields[p->field[i]].name);
    }
    if (k < len && p->n)
        snprintf(buf + k, len - k, "%s", g->types[p->type[0]].name);
    return buf;
}
