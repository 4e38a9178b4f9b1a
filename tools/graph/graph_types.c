/* graph_types.c: the type reference graph (rgraph_types): a node per
 * object type, traced (the collector traverses it) or untraced, an edge
 * per field holding a reference (solid: owned, dashed: borrowed), and the
 * cycles reference counting alone cannot free outlined in red: as the
 * cycle checks judged them (types.on_cycle, type_edges.on_cycle) when the
 * database says, else the strongly connected components over owned edges.
 * Fields that may hold any object (PyObject *) or many (containers) point
 * to an "any object" leaf of their own struct.
 *
 * Assumes: type names are unique across the database (one struct type per
 * name); a type named only as a field's target (PyObject, rf_object) is
 * drawn as a type of its own, "not analyzed" when the types table does not
 * describe it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

typedef struct ty {
    const store_type_row *row;
    int degree;
    bool on_cycle, matched, keep;
    int node;
    /* Tarjan's state */
    int index, low, scc;
    bool on_stack;
} ty;

typedef struct ty_ctx {
    rgraph *g;
    store_type_row *types;
    int ntypes;
    store_type_edge_row *edges;
    int nedges;
    ty *t;
    int nt;
    int *from, *to;        /* edge ends as type indices */
    rg_map by_name;
    bool recorded;         /* the cycle checks' verdicts are in the database */
    /* Tarjan, over owned edges */
    rg_adj owned;
    int *stack, sp, next_index, nscc;
} ty_ctx;

/* --- loading ------------------------------------------------------------ */

static int type_index(ty_ctx *c, const char *name) {
    int i = rg_map_get(&c->by_name, name);
    if (i >= 0)
        return i;
    store_type_row *row = ARENA_NEW(&c->g->a, store_type_row);
    row->name = arena_strdup(&c->g->a, name);
    c->t[c->nt] = (ty){.row = row, .index = -1, .node = -1};
    rg_map_put(&c->by_name, name, c->nt);
    return c->nt++;
}

static bool load(store *s, ty_ctx *c, char *err, size_t errlen) {
    arena *a = &c->g->a;
    if (!store_graph_types(s, a, &c->types, &c->ntypes, err, errlen) ||
        !store_graph_type_edges(s, a, &c->edges, &c->nedges, err, errlen))
        return false;
    if (c->ntypes == 0 && c->nedges == 0) {
        rg_err(err, errlen,
               "%s: the database holds no types (no struct with reference fields was seen: "
               "run refflow check on the files that define them)",
               store_path(s));
        return false;
    }
    rg_map_init(&c->by_name, a);
    c->t = ARENA_ARRAY(a, ty, c->ntypes + 2 * c->nedges);
    c->from = ARENA_ARRAY(a, int, c->nedges + 1);
    c->to = ARENA_ARRAY(a, int, c->nedges + 1);
    for (int i = 0; i < c->ntypes; i++) {
        c->t[c->nt] = (ty){.row = &c->types[i], .index = -1, .node = -1};
        rg_map_put(&c->by_name, c->types[i].name, c->nt++);
    }
    for (int i = 0; i < c->nedges; i++) {
        c->from[i] = type_index(c, c->edges[i].struct_type);
        c->to[i] = type_index(c, c->edges[i].target_type);
        c->t[c->from[i]].degree++;
        c->t[c->to[i]].degree++;
    }
    return true;
}

/* --- cycles: Tarjan's strongly connected components over owned edges ---- */

static void strongconnect(ty_ctx *c, int v) {
    ty *t = &c->t[v];
    t->index = t->low = c->next_index++;
    c->stack[c->sp++] = v;
    t->on_stack = true;
    for (int k = c->owned.start[v]; k < c->owned.start[v + 1]; k++) {
        int w = c->to[c->owned.edge[k]];
        if (c->t[w].index < 0) {
            strongconnect(c, w);
            if (c->t[w].low < t->low)
                t->low = c->t[w].low;
        } else if (c->t[w].on_stack && c->t[w].index < t->low) {
            t->low = c->t[w].index;
        }
    }
    if (t->low != t->index)
        return;
    int w, size = 0, first = c->sp;
    do {
        w = c->stack[--c->sp];
        c->t[w].on_stack = false;
        c->t[w].scc = c->nscc;
        size++;
    } while (w != v);
    for (int i = c->sp; i < first && size > 1; i++)
        c->t[c->stack[i]].on_cycle = true;
    c->nscc++;
}

/* Does the database hold the cycle checks' verdicts? */
static bool cycles_recorded(const ty_ctx *c) {
    for (int i = 0; i < c->ntypes; i++)
        if (c->types[i].on_cycle >= 0)
            return true;
    return false;
}

/* The types on a cycle as the cycle checks judged them; returns how many
 * types are on one. */
static int recorded_cycles(ty_ctx *c) {
    int n = 0;
    for (int v = 0; v < c->nt; v++) {
        c->t[v].on_cycle = c->t[v].row->on_cycle > 0;
        n += c->t[v].on_cycle;
    }
    return n;
}

/* Marks every type on a cycle of owned edges (self-loops included);
 * returns the number of cycles (components). */
static int find_cycles(ty_ctx *c) {
    c->stack = ARENA_ARRAY(&c->g->a, int, c->nt + 1);
    int *owned_to = ARENA_ARRAY(&c->g->a, int, c->nedges + 1);
    for (int e = 0; e < c->nedges; e++)
        owned_to[e] = c->edges[e].owned ? c->to[e] : -1;
    rg_adj_build(&c->g->a, c->nt, c->nedges, c->from, owned_to, &c->owned);
    for (int v = 0; v < c->nt; v++)
        if (c->t[v].index < 0)
            strongconnect(c, v);
    for (int e = 0; e < c->nedges; e++)
        if (c->edges[e].owned && c->from[e] == c->to[e])
            c->t[c->from[e]].on_cycle = true;
    bool *seen = ARENA_ARRAY(&c->g->a, bool, c->nscc + 1);
    int cycles = 0;
    for (int v = 0; v < c->nt; v++)
        if (c->t[v].on_cycle && !seen[c->t[v].scc]) {
            seen[c->t[v].scc] = true;
            cycles++;
        }
    return cycles;
}

static bool edge_on_cycle(const ty_ctx *c, int e) {
    if (c->recorded)
        return c->edges[e].on_cycle > 0;
    return c->edges[e].owned && c->t[c->from[e]].on_cycle &&
           c->t[c->from[e]].scc == c->t[c->to[e]].scc;
}

/* --- choosing what to draw ---------------------------------------------- */

/* A field that may hold any object or many (kind any or container). */
static bool generic_edge(const ty_ctx *c, int e) {
    return c->edges[e].kind && strcmp(c->edges[e].kind, "type") != 0;
}

/* A header type (PyObject) that only generic fields point to. */
static bool only_generic(const ty_ctx *c, int v) {
    if (c->t[v].row->known)
        return false;
    for (int e = 0; e < c->nedges; e++)
        if ((c->to[e] == v && !generic_edge(c, e)) || c->from[e] == v)
            return false;
    return true;
}

/* Types matching the filters, then their neighbours. Returns how many are
 * kept. */
static int apply_filters(ty_ctx *c) {
    const rgraph_options *o = c->g->opt;
    const char *tf = o ? o->type_filter : NULL, *ff = o ? o->file : NULL;
    bool filtered = (tf && *tf) || (ff && *ff);
    for (int v = 0; v < c->nt; v++)
        c->t[v].matched = rg_name_matches(c->t[v].row->name, tf) &&
                          (!ff || !*ff || rg_file_matches(c->t[v].row->file, ff));
    for (int v = 0; v < c->nt; v++)
        c->t[v].keep = c->t[v].matched && !only_generic(c, v);
    for (int e = 0; e < c->nedges && filtered; e++)
        if (!generic_edge(c, e) && (c->t[c->from[e]].matched || c->t[c->to[e]].matched))
            c->t[c->from[e]].keep = c->t[c->to[e]].keep = true;
    int kept = 0;
    for (int v = 0; v < c->nt; v++)
        kept += c->t[v].keep;
    return kept;
}

/* The types that can be drawn (all but headers only generic fields name). */
static int drawable(const ty_ctx *c) {
    int n = 0;
    for (int v = 0; v < c->nt; v++)
        n += !only_generic(c, v);
    return n;
}

static int apply_limit(ty_ctx *c) {
    bool *want = ARENA_ARRAY(&c->g->a, bool, c->nt + 1);
    int *prio = ARENA_ARRAY(&c->g->a, int, c->nt + 1);
    for (int v = 0; v < c->nt; v++) {
        want[v] = c->t[v].keep;
        prio[v] = c->t[v].on_cycle * 4 + c->t[v].matched * 2 + (c->t[v].degree > 0);
    }
    int cut = rg_limit(want, prio, c->nt, rg_max_nodes(c->g->opt));
    for (int v = 0; v < c->nt; v++)
        c->t[v].keep = want[v];
    return cut;
}

/* --- drawing ------------------------------------------------------------ */

static const char *type_label(ty_ctx *c, int v) {
    rgraph *g = c->g;
    const store_type_row *r = c->t[v].row;
    const char *where = r->file ? arena_printf(&g->a, "\n%s", rg_where(g, r->file, r->line)) : "";
    if (!r->known)
        return arena_printf(&g->a, "%s%s", r->name, where);
    if (r->traced)
        return arena_printf(&g->a, "%s\ntraced%s%s%s%s", r->name, r->flavor ? " (" : "",
                            r->flavor ? r->flavor : "", r->flavor ? ")" : "", where);
    const char *why = r->why_untraced ? r->why_untraced
                      : !r->gc_tracked ? "not GC-tracked"
                                       : "no traverse";
    return arena_printf(&g->a, "%s\nuntraced: %s%s", r->name, why, where);
}

static void draw_types(ty_ctx *c) {
    for (int v = 0; v < c->nt; v++) {
        ty *t = &c->t[v];
        if (!t->keep)
            continue;
        const store_type_row *r = t->row;
        rg_kind k = !r->known ? RG_UNKNOWN : r->traced ? RG_TRACED : RG_UNTRACED;
        t->node = rg_node_add(c->g, k, type_label(c, v), r->file, r->line);
        c->g->nodes[t->node].marked = t->on_cycle;
    }
}

/* A field that may hold any object points to a leaf of its own struct
 * ("any object"), not to the header's type: one hub that every type
 * points to would tangle the picture and says nothing about cycles. */
static int any_leaf(ty_ctx *c, int e) {
    char key[512];
    snprintf(key, sizeof key, "%s\x01%s", c->edges[e].struct_type, c->edges[e].target_type);
    int n = rg_map_get(&c->by_name, key);
    if (n < 0) {
        bool many = strcmp(c->edges[e].kind, "container") == 0;
        n = rg_node_add(c->g, RG_EXTERNAL,
                        arena_printf(&c->g->a, many ? "any objects\n(in a %s)" : "any object\n(%s *)",
                                     c->edges[e].target_type),
                        NULL, 0);
        rg_map_put(&c->by_name, key, n);
    }
    return n;
}

/* One edge per (struct, target, owned), labelled with its fields. */
static void draw_edges(ty_ctx *c) {
    rgraph *g = c->g;
    for (int e = 0; e < c->nedges; e++) {
        int a = c->t[c->from[e]].node, b = c->t[c->to[e]].node;
        if (a >= 0 && generic_edge(c, e))
            b = any_leaf(c, e);
        if (a < 0 || b < 0)
            continue;
        rg_edge_kind k = c->edges[e].owned ? RG_EDGE_OWNED : RG_EDGE_BORROWED;
        int i = rg_edge_find(g, a, b, k);
        if (i >= 0) {
            g->edges[i].label = arena_printf(&g->a, "%s\n%s", g->edges[i].label,
                                             c->edges[e].field);
            continue;
        }
        const char *kind = c->edges[e].kind;
        i = rg_edge_add(g, a, b, k,
                        kind && strcmp(kind, "container") == 0
                            ? arena_printf(&g->a, "%s[]", c->edges[e].field)
                            : c->edges[e].field);
        g->edges[i].marked = edge_on_cycle(c, e);
    }
}

static void notices(ty_ctx *c, int kept, int all, int cut) {
    if (cut)
        rg_notice(c->g,
                  "showing %d of %d types: %d cut by the size limit --max-nodes %d (types on "
                  "cycles kept first); narrow with --type-filter or --file, or raise --max-nodes",
                  kept - cut, all, cut, rg_max_nodes(c->g->opt));
    else if (kept < all)
        rg_notice(c->g, "showing %d of %d types (the filters' matches and their neighbours)",
                  kept, all);
}

rgraph *rgraph_types(store *s, const rgraph_options *opt, char *err, size_t errlen) {
    ty_ctx c = {.g = rg_new(opt, "LR")};
    if (!load(s, &c, err, errlen)) {
        rgraph_free(c.g);
        return NULL;
    }
    bool recorded = c.recorded = cycles_recorded(&c);
    int cycles = recorded ? recorded_cycles(&c) : find_cycles(&c);
    int kept = apply_filters(&c), all = drawable(&c);
    if (kept == 0) {
        rg_err(err, errlen, "no type matches the filters (%d types in the database)", all);
        rgraph_free(c.g);
        return NULL;
    }
    int cut = apply_limit(&c);
    draw_types(&c);
    draw_edges(&c);
    notices(&c, kept, all, cut);
    c.g->title = arena_printf(&c.g->a, "type reference graph: %d types, %d reference fields (solid: owned, "
                              "dashed: borrowed); %d %s%s",
                              all, c.nedges, cycles,
                              recorded ? "type" : "cycle",
                              recorded ? (cycles == 1 ? " on a cycle (red)" : "s on cycles (red)")
                                       : (cycles == 1 ? " of owned references (red)"
                                                      : "s of owned references (red)"));
    c.g->mark_legend = "on a cycle of owned references";
    c.g->legend[RG_EXTERNAL] = "a field that may hold any object";
    c.g->opt = NULL;
    return c.g;
}
