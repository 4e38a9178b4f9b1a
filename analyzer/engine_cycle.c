/* engine_cycle.c: who holds whom, for `cycle-created`. The engine records
 * a link each time an object takes an owned reference to another: a store
 * of an owned reference into a field through a pointer (x->next = b, before
 * the reference is handed over), or a call that puts a reference into a
 * container (rf_list_append, PyList_Append, PyDict_SetItem, ... below).
 * When the stored value already reaches the holder through earlier links
 * (or is the holder itself), the new link closes a cycle and an EV_LINK
 * event carries the cycle to the checks.
 *
 * Earlier links come from two sources: the links recorded in this function
 * (on any path; one counts only while both of its objects are alive on the
 * current path, so links of other paths rarely match), and the field reads
 * of the current state (a value read from n->edges is held by n).
 *
 * Not links: a store of a reference the function does not own (a borrowed
 * back-pointer: b->prev = a without an incref), a store into a field the
 * type graph says is borrowed, a NULL.
 */
#include <string.h>

#include "engine_internal.h"
#include "typegraph.h"

#define MAX_EDGES 256

struct link {
    int holder_uid, value_uid;
    ir_loc loc;
    const char *text;   /* "'x->next' holds 'b'" */
    const char *record; /* the holder's struct type, or NULL */
};

/* Calls that make their first argument (a container, or an object whose
 * attributes or items are set) hold a reference to the listed arguments. */
typedef struct container_api {
    const char *name;
    int values[2]; /* argument indices, -1: none */
} container_api;

static const container_api apis[] = {
    {"rf_list_append", {1, -1}},     {"rf_list_set", {2, -1}},
    {"rf_map_set", {1, 2}},          {"PyList_Append", {1, -1}},
    {"PyList_SetItem", {2, -1}},     {"PyList_Insert", {2, -1}},
    {"PyTuple_SetItem", {2, -1}},    {"PyDict_SetItem", {1, 2}},
    {"PyDict_SetItemString", {2, -1}}, {"PySet_Add", {1, -1}},
    {"PyObject_SetAttr", {2, -1}},   {"PyObject_SetAttrString", {2, -1}},
    {"PyObject_SetItem", {1, 2}},    {"PyCell_Set", {1, -1}},
};

typedef struct edge {
    int from, to;       /* symbol indices in the state */
    check_link link;
} edge;

static int sym_of_uid(const sstate *s, int uid) {
    for (int i = 0; i < s->nsyms; i++)
        if (s->syms[i].uid == uid && sstate_is_bound(s, i))
            return i;
    return -1;
}

static const char *sym_text(const sym *y) {
    return y->name ? y->name : y->from ? y->from : "the object";
}

static int recorded_edges(fn_ctx *c, const sstate *s, edge *out, int n) {
    for (int i = 0; i < c->nlinks && n < MAX_EDGES; i++) {
        const struct link *l = &c->links[i];
        int h = sym_of_uid(s, l->holder_uid), v = sym_of_uid(s, l->value_uid);
        if (h >= 0 && v >= 0)
            out[n++] = (edge){h, v, {l->loc, l->text, l->record}};
    }
    return n;
}

/* r->f bound to a value read from it: r holds that value. */
static int read_edges(fn_ctx *c, const sstate *s, edge *out, int n) {
    for (int p = c->fn->nvars; p < c->nplaces && n < MAX_EDGES; p++) {
        const place_info *pi = &c->places[p];
        if (!pi->escapes || pi->root_var < 0 || !pi->place.nsteps ||
            pi->place.steps[0].kind != IR_STEP_ARROW)
            continue;
        int r = s->bind[pi->root_var], v = s->bind[p];
        if (r < 0 || v < 0 || r == v || s->syms[v].kind != SK_REF || s->syms[v].origin != OR_FIELD)
            continue;
        const char *text = arena_printf(&c->mem, "'%s' holds the object read here",
                                        ir_place_name(c->fn, &pi->place));
        out[n++] = (edge){r, v, {s->syms[v].origin_loc, text, pi->place.steps[0].record}};
    }
    return n;
}

/* The edges of a path from v to h (breadth first), or -1 if none. */
static int find_path(const edge *e, int ne, int v, int h, int nsyms, check_link *out) {
    int from_edge[nsyms > 0 ? nsyms : 1], queue[nsyms > 0 ? nsyms : 1], head = 0, tail = 0;
    for (int i = 0; i < nsyms; i++)
        from_edge[i] = -2;
    from_edge[v] = -1;
    queue[tail++] = v;
    while (head < tail && from_edge[h] == -2) {
        int u = queue[head++];
        for (int i = 0; i < ne; i++)
            if (e[i].from == u && from_edge[e[i].to] == -2) {
                from_edge[e[i].to] = i;
                queue[tail++] = e[i].to;
            }
    }
    if (from_edge[h] == -2)
        return -1;
    int n = 0;
    for (int u = h; from_edge[u] >= 0; u = e[from_edge[u]].from)
        n++;
    int k = n;
    for (int u = h; from_edge[u] >= 0; u = e[from_edge[u]].from)
        out[--k] = e[from_edge[u]].link;
    return n;
}

static bool seen_link(const fn_ctx *c, const struct link *l) {
    for (int i = 0; i < c->nlinks; i++) {
        const struct link *o = &c->links[i];
        if (o->holder_uid == l->holder_uid && o->value_uid == l->value_uid &&
            o->loc.line == l->loc.line && o->loc.col == l->loc.col)
            return true;
    }
    return false;
}

static void remember(fn_ctx *c, const struct link *l) {
    if (seen_link(c, l))
        return;
    if (c->nlinks == c->linkcap) {
        int cap = c->linkcap ? c->linkcap * 2 : 16;
        struct link *n = ARENA_ARRAY(&c->mem, struct link, cap);
        if (c->nlinks)
            memcpy(n, c->links, sizeof *n * (size_t)c->nlinks);
        c->links = n;
        c->linkcap = cap;
    }
    c->links[c->nlinks++] = *l;
}

/* h now holds v at loc: report a cycle if v reaches h, then record it. */
static void add_link(fn_ctx *c, sstate *s, int h, int v, ir_loc loc, const char *via,
                     const char *text, const char *record) {
    if (c->probing)
        return;
    edge *e = ARENA_ARRAY(&c->mem, edge, MAX_EDGES);
    int ne = read_edges(c, s, e, recorded_edges(c, s, e, 0));
    check_link *path = ARENA_ARRAY(&c->mem, check_link, ne + 1);
    int np = v == h ? 0 : find_path(e, ne, v, h, s->nsyms, path);
    if (np >= 0) {
        check_event ev = {.kind = EV_LINK, .loc = loc, .sym = &s->syms[v], .state = s,
                          .holder = &s->syms[h], .via = via, .record = record,
                          .cycle = path, .ncycle = np};
        emit(c, &ev);
    }
    remember(c, &(struct link){s->syms[h].uid, s->syms[v].uid, loc, text, record});
}

static bool is_object(const sym *y) {
    return y->kind == SK_REF && y->null != NN_NULL && y->origin != OR_NULLCONST;
}

void link_field_store(fn_ctx *c, sstate *s, int p, int v, ir_loc loc) {
    const place_info *pi = &c->places[p];
    const ir_place *pl = &pi->place;
    if (pi->root_var < 0 || !pl->nsteps || pl->steps[0].kind != IR_STEP_ARROW)
        return;
    int h = s->bind[pi->root_var];
    const sym *y = &s->syms[v];
    if (h < 0 || !is_object(y) || y->owned <= 0 || !is_object(&s->syms[h]) ||
        tg_field_borrowed(c->tu->opt.types, pl->steps[0].record, pl->steps[0].field, true))
        return;
    const char *via = arena_printf(&c->mem, "'%s'", ir_place_name(c->fn, pl));
    const char *text = arena_printf(&c->mem, "%s holds '%s'", via, sym_text(y));
    add_link(c, s, h, v, loc, via, text, pl->steps[0].record);
}

void link_call(fn_ctx *c, sstate *s, const ir_instr *in, const int *args) {
    const container_api *api = NULL;
    for (size_t i = 0; in->callee.name && i < sizeof apis / sizeof apis[0]; i++)
        if (strcmp(apis[i].name, in->callee.name) == 0)
            api = &apis[i];
    if (!api || in->nargs < 2 || !is_object(&s->syms[args[0]]))
        return;
    for (int k = 0; k < 2; k++) {
        int a = api->values[k];
        if (a < 0 || a >= in->nargs || !is_object(&s->syms[args[a]]))
            continue;
        const sym *h = &s->syms[args[0]], *y = &s->syms[args[a]];
        const char *via = arena_printf(&c->mem, "'%s' with %s", sym_text(h), in->callee.name);
        const char *text = arena_printf(&c->mem, "'%s' holds '%s' (%s)", sym_text(h),
                                        sym_text(y), in->callee.name);
        add_link(c, s, args[0], args[a], in->loc, via, text, NULL);
    }
}
