/* engine_site.c: reporting the sites where references change hands to the
 * engine's hooks (for the database), each (kind, location, argument) once
 * per function however many paths reach it. */
#include <string.h>

#include "engine_internal.h"

struct site_key {
    engine_site_kind kind;
    uint32_t line, col;
    int arg;
};

static bool seen_site(fn_ctx *c, const struct site_key *k) {
    for (int i = 0; i < c->nsites; i++)
        if (memcmp(&c->sites[i], k, sizeof *k) == 0)
            return true;
    if (c->nsites == c->sitecap) {
        int cap = c->sitecap ? c->sitecap * 2 : 16;
        struct site_key *n = ARENA_ARRAY(&c->mem, struct site_key, cap);
        if (c->nsites)
            memcpy(n, c->sites, sizeof *n * (size_t)c->nsites);
        c->sites = n;
        c->sitecap = cap;
    }
    c->sites[c->nsites++] = *k;
    return false;
}

void report_site(fn_ctx *c, engine_site_kind kind, ir_loc loc, const sym *y, const char *callee,
                 int arg) {
    const engine_hooks *h = c->tu->opt.hooks;
    if (!h || !h->on_site || y->origin == OR_UNKNOWN || c->probing)
        return;
    struct site_key k;
    memset(&k, 0, sizeof k); /* padding compared by memcmp */
    k.kind = kind;
    k.line = loc.line;
    k.col = loc.col;
    k.arg = arg;
    if (seen_site(c, &k))
        return;
    engine_site s = {.kind = kind, .loc = loc, .callee = callee, .arg = arg, .symbol = y->name,
                     .origin_call = y->from, .origin = y->origin};
    h->on_site(h->ctx, c->fn, &s);
}
