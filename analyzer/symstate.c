/* symstate.c: path states of the ownership engine (see symstate.h).
 * Assumes a state is owned by one thread and lives in one arena. */
#include "symstate.h"

#include <stdio.h>
#include <string.h>

sstate *sstate_new(arena *a, int nplaces) {
    sstate *s = ARENA_NEW(a, sstate);
    s->nplaces = nplaces;
    s->bind = ARENA_ARRAY(a, int32_t, nplaces > 0 ? nplaces : 1);
    for (int i = 0; i < nplaces; i++)
        s->bind[i] = -1;
    return s;
}

sstate *sstate_clone(arena *a, const sstate *s) {
    sstate *c = ARENA_NEW(a, sstate);
    *c = *s;
    c->bind = ARENA_ARRAY(a, int32_t, s->nplaces > 0 ? s->nplaces : 1);
    memcpy(c->bind, s->bind, sizeof(int32_t) * (size_t)s->nplaces);
    c->symcap = s->nsyms + 4;
    c->syms = ARENA_ARRAY(a, sym, c->symcap);
    if (s->nsyms)
        memcpy(c->syms, s->syms, sizeof(sym) * (size_t)s->nsyms);
    return c;
}

int sstate_add_sym(arena *a, sstate *s, const sym *proto, int *next_uid) {
    if (s->nsyms == s->symcap) {
        int cap = s->symcap ? s->symcap * 2 : 8;
        sym *n = ARENA_ARRAY(a, sym, cap);
        if (s->nsyms)
            memcpy(n, s->syms, sizeof(sym) * (size_t)s->nsyms);
        s->syms = n;
        s->symcap = cap;
    }
    s->syms[s->nsyms] = *proto;
    s->syms[s->nsyms].uid = (*next_uid)++;
    return s->nsyms++;
}

bool sstate_is_bound(const sstate *s, int i) {
    for (int p = 0; p < s->nplaces; p++)
        if (s->bind[p] == i)
            return true;
    return false;
}

int32_t *sym_link(sym *y, int k) {
    return k == 0 ? &y->same_as : k == 1 ? &y->slot_of : &y->held_by;
}

void sstate_collect(arena *a, sstate *s) {
    (void)a;
    int map[s->nsyms > 0 ? s->nsyms : 1];
    for (int i = 0; i < s->nsyms; i++)
        map[i] = -1;
    for (int p = 0; p < s->nplaces; p++)
        if (s->bind[p] >= 0)
            map[s->bind[p]] = 0;
    int n = 0;
    for (int i = 0; i < s->nsyms; i++) {
        if (map[i] < 0)
            continue;
        map[i] = n;
        s->syms[n++] = s->syms[i];
    }
    s->nsyms = n;
    for (int p = 0; p < s->nplaces; p++)
        if (s->bind[p] >= 0)
            s->bind[p] = map[s->bind[p]];
    for (int i = 0; i < n; i++) /* a dropped symbol: no link to it any more */
        for (int k = 0; k < SYM_NLINKS; k++) {
            int32_t *l = sym_link(&s->syms[i], k);
            if (*l > 0)
                *l = map[*l - 1] + 1;
        }
}

static uint64_t mix(uint64_t h, uint64_t v) {
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

static uint64_t sym_hash(const sym *y) {
    uint64_t h = ((uint64_t)y->kind << 40) | ((uint64_t)y->origin << 32) |
                 ((uint64_t)y->null << 24) | ((uint64_t)y->maker << 16) | y->flags;
    h = mix(h, (uint64_t)y->owned ^ ((uint64_t)y->resolved << 40));
    h = mix(h, (uint64_t)y->lo);
    h = mix(h, (uint64_t)(uint32_t)y->held_slot);
    return mix(h, (uint64_t)y->hi);
}

static bool sym_equal(const sym *x, const sym *y) {
    return x->kind == y->kind && x->origin == y->origin && x->null == y->null &&
           x->maker == y->maker && x->resolved == y->resolved && x->flags == y->flags &&
           x->owned == y->owned && x->lo == y->lo && x->hi == y->hi &&
           x->held_slot == y->held_slot;
}

/* Canonical numbering: symbols in order of first binding. canon[i] is the
 * canonical number of symbol i. */
static void canonical(const sstate *s, int *canon) {
    for (int i = 0; i < s->nsyms; i++)
        canon[i] = -1;
    int n = 0;
    for (int p = 0; p < s->nplaces; p++) {
        int b = s->bind[p];
        if (b >= 0 && canon[b] < 0)
            canon[b] = n++;
    }
}

uint64_t sstate_hash(const sstate *s) {
    int canon[s->nsyms > 0 ? s->nsyms : 1];
    canonical(s, canon);
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)s->counted ^ ((uint64_t)s->err_set << 1);
    for (int p = 0; p < s->nplaces; p++) {
        int b = s->bind[p];
        if (b < 0)
            continue;
        h = mix(h, ((uint64_t)p << 20) | (uint64_t)canon[b]);
        h = mix(h, sym_hash(&s->syms[b]));
        for (int k = 0; k < SYM_NLINKS; k++) {
            int e = *sym_link(&s->syms[b], k);
            h = mix(h, e > 0 ? (uint64_t)canon[e - 1] + 1 : 0);
        }
    }
    return h;
}

bool sstate_equal(const sstate *x, const sstate *y) {
    if (x->nplaces != y->nplaces || x->counted != y->counted || x->err_set != y->err_set)
        return false;
    int cx[x->nsyms > 0 ? x->nsyms : 1], cy[y->nsyms > 0 ? y->nsyms : 1];
    canonical(x, cx);
    canonical(y, cy);
    for (int p = 0; p < x->nplaces; p++) {
        int a = x->bind[p], b = y->bind[p];
        if ((a < 0) != (b < 0))
            return false;
        if (a < 0)
            continue;
        if (cx[a] != cy[b] || !sym_equal(&x->syms[a], &y->syms[b]))
            return false;
        for (int k = 0; k < SYM_NLINKS; k++) {
            int ea = *sym_link(&x->syms[a], k), eb = *sym_link(&y->syms[b], k);
            if ((ea > 0 ? cx[ea - 1] : -1) != (eb > 0 ? cy[eb - 1] : -1))
                return false;
        }
    }
    return true;
}

void sstate_note(arena *a, sstate *s, ir_loc loc, const char *text, int uid, bool acquire) {
    trail_event *e = ARENA_NEW(a, trail_event);
    e->prev = s->trail;
    e->loc = loc;
    e->text = text;
    e->uid = uid;
    e->acquire = acquire;
    e->depth = s->trail ? s->trail->depth + 1 : 1;
    s->trail = e;
}

void sstate_dump(const sstate *s, FILE *out) {
    for (int p = 0; p < s->nplaces; p++) {
        int b = s->bind[p];
        if (b < 0)
            continue;
        const sym *y = &s->syms[b];
        fprintf(out, " p%d=s%d{k%d o%d n%d f%x own%d [%lld,%lld]}", p, b, y->kind, y->origin,
                y->null, y->flags, y->owned, y->lo, y->hi);
    }
    fputc('\n', out);
}
