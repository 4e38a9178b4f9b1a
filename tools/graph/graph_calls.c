/* graph_calls.c: the call graph with ownership contracts (rgraph_calls):
 * a node per function defined in the database, labelled with what it
 * returns and what it does to each parameter (green: returns a new
 * reference, blue: a borrowed one), and per callee not defined there
 * (library functions, macros), one edge per caller and callee.
 *
 * Assumes: a call names its callee; it goes to the function of that name
 * defined in the caller's own unit if there is one (static functions),
 * else to the first defined anywhere, else to an external node. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "rules.h"

typedef struct fnode {
    const char *name;
    const store_fn_row *row;  /* NULL: external */
    bool matched, keep;
    int dist;                 /* calls away from the center, -1: not reached */
    int degree;
    int node;
} fnode;

typedef struct call_ctx {
    rgraph *g;
    store_fn_row *fns;
    int nfns;
    store_call_row *calls;
    int ncalls;
    fnode *f;
    int nf;
    int *fn_of_row;           /* functions row -> fnode */
    int *from, *to;           /* call -> fnodes */
    rg_map by_name, by_id;
    rg_adj out, in;           /* calls by caller, by callee */
} call_ctx;

/* --- loading ------------------------------------------------------------ */

static int external(call_ctx *c, const char *name) {
    char key[512];
    snprintf(key, sizeof key, "extern:%s", name);
    int i = rg_map_get(&c->by_name, key);
    if (i >= 0)
        return i;
    c->f[c->nf] = (fnode){.name = name, .dist = -1, .node = -1};
    rg_map_put(&c->by_name, key, c->nf);
    return c->nf++;
}

/* One fnode per definition (a unit analyzed twice gives two rows). */
static void add_functions(call_ctx *c) {
    for (int i = 0; i < c->nfns; i++) {
        const store_fn_row *r = &c->fns[i];
        char key[1024], id[32];
        snprintf(key, sizeof key, "%s@%s:%d", r->name, r->file ? r->file : "", r->line);
        int k = rg_map_get(&c->by_name, key);
        if (k < 0) {
            k = c->nf++;
            c->f[k] = (fnode){.name = r->name, .row = r, .dist = -1, .node = -1};
            rg_map_put(&c->by_name, key, k);
            if (rg_map_get(&c->by_name, r->name) < 0)
                rg_map_put(&c->by_name, r->name, k);
        }
        c->fn_of_row[i] = k;
        snprintf(id, sizeof id, "%lld", (long long)r->id);
        rg_map_put(&c->by_id, id, i);
        snprintf(key, sizeof key, "%lld:%s", (long long)r->tu_id, r->name);
        rg_map_put(&c->by_id, key, k);
    }
}

static int callee_of(call_ctx *c, const store_call_row *call, const store_fn_row *caller) {
    char key[1024];
    snprintf(key, sizeof key, "%lld:%s", (long long)caller->tu_id, call->callee);
    int k = rg_map_get(&c->by_id, key);
    if (k < 0)
        k = rg_map_get(&c->by_name, call->callee);
    return k >= 0 ? k : external(c, call->callee);
}

static void add_calls(call_ctx *c) {
    for (int i = 0; i < c->ncalls; i++) {
        char id[32];
        snprintf(id, sizeof id, "%lld", (long long)c->calls[i].caller_id);
        int row = rg_map_get(&c->by_id, id);
        c->from[i] = c->to[i] = -1;
        if (row < 0)
            continue;
        c->from[i] = c->fn_of_row[row];
        c->to[i] = callee_of(c, &c->calls[i], &c->fns[row]);
        c->f[c->from[i]].degree++;
        c->f[c->to[i]].degree++;
    }
}

static bool load(store *s, call_ctx *c, char *err, size_t errlen) {
    arena *a = &c->g->a;
    if (!store_graph_functions(s, a, NULL, &c->fns, &c->nfns, err, errlen) ||
        !store_graph_calls(s, a, &c->calls, &c->ncalls, err, errlen))
        return false;
    if (c->nfns == 0) {
        rg_err(err, errlen, "%s: the database holds no functions (run refflow check first)",
               store_path(s));
        return false;
    }
    rg_map_init(&c->by_name, a);
    rg_map_init(&c->by_id, a);
    c->f = ARENA_ARRAY(a, fnode, c->nfns + c->ncalls + 1);
    c->fn_of_row = ARENA_ARRAY(a, int, c->nfns + 1);
    c->from = ARENA_ARRAY(a, int, c->ncalls + 1);
    c->to = ARENA_ARRAY(a, int, c->ncalls + 1);
    add_functions(c);
    add_calls(c);
    return true;
}

/* --- choosing what to draw ---------------------------------------------- */

/* Puts the unvisited far ends of v's edges in adj (ends in `ends`) on the
 * queue, one call further than v. */
static void visit_ends(call_ctx *c, const rg_adj *adj, const int *ends, int v, int *queue,
                       int *tail) {
    for (int k = adj->start[v]; k < adj->start[v + 1]; k++) {
        int w = ends[adj->edge[k]];
        if (c->f[w].dist < 0) {
            c->f[w].dist = c->f[v].dist + 1;
            queue[(*tail)++] = w;
        }
    }
}

/* Breadth-first from the center over calls in both directions. */
static void walk_from(call_ctx *c, int center, int depth) {
    int *queue = ARENA_ARRAY(&c->g->a, int, c->nf + 1), head = 0, tail = 0;
    rg_adj_build(&c->g->a, c->nf, c->ncalls, c->from, c->to, &c->out);
    rg_adj_build(&c->g->a, c->nf, c->ncalls, c->to, c->from, &c->in);
    c->f[center].dist = 0;
    queue[tail++] = center;
    while (head < tail) {
        int v = queue[head++];
        if (depth > 0 && c->f[v].dist >= depth)
            continue;
        visit_ends(c, &c->out, c->to, v, queue, &tail);
        visit_ends(c, &c->in, c->from, v, queue, &tail);
    }
}

static bool defined_matches(const call_ctx *c, const fnode *f) {
    const rgraph_options *o = c->g->opt;
    return f->row && rg_name_matches(f->name, o ? o->function_filter : NULL) &&
           rg_file_matches(f->row->file, o ? o->file : NULL);
}

/* Matches, plus their direct callers and callees (the context of a match). */
static void apply_filters(call_ctx *c) {
    const rgraph_options *o = c->g->opt;
    for (int v = 0; v < c->nf; v++)
        c->f[v].keep = c->f[v].matched = defined_matches(c, &c->f[v]);
    for (int e = 0; e < c->ncalls; e++) {
        if (c->from[e] < 0 || !c->f[c->from[e]].matched)
            continue;
        c->f[c->to[e]].keep = true;
    }
    for (int e = 0; e < c->ncalls && o && o->function_filter; e++)
        if (c->from[e] >= 0 && c->f[c->to[e]].matched)
            c->f[c->from[e]].keep = true;
    for (int v = 0; v < c->nf; v++) {
        if (o && o->center && c->f[v].dist < 0)
            c->f[v].keep = false;
        if (o && o->internal_only && !c->f[v].row)
            c->f[v].keep = false;
    }
}

static int apply_limit(call_ctx *c) {
    bool *want = ARENA_ARRAY(&c->g->a, bool, c->nf + 1);
    int *prio = ARENA_ARRAY(&c->g->a, int, c->nf + 1);
    for (int v = 0; v < c->nf; v++) {
        const fnode *f = &c->f[v];
        want[v] = f->keep;
        /* nearer the center first; then matches, defined functions, degree */
        prio[v] = (f->dist >= 0 ? (100 - f->dist) * 100000 : 0) + f->matched * 50000 +
                  (f->row != NULL) * 20000 + (f->degree < 20000 ? f->degree : 19999);
    }
    int cut = rg_limit(want, prio, c->nf, rg_max_nodes(c->g->opt));
    for (int v = 0; v < c->nf; v++)
        c->f[v].keep = want[v];
    return cut;
}

/* --- drawing ------------------------------------------------------------ */

/* "steals arg 2" and the like, from the rule's argument tokens. */
static const char *params_text(rgraph *g, const char *params) {
    if (!params || !*params)
        return "no parameters";
    return arena_printf(&g->a, "params: %s", params);
}

static rg_kind contract_kind(const char *ret) {
    return strncmp(ret, "new", 3) == 0        ? RG_NEW
           : strncmp(ret, "borrowed", 8) == 0 ? RG_BORROWED
                                               : RG_FUNCTION;
}

/* A callee defined elsewhere: its rule's contract when there is one. */
static void draw_external(call_ctx *c, fnode *f) {
    const rgraph_options *o = c->g->opt;
    const rule_fn *r = o && o->rules ? rules_lookup(o->rules, f->name) : NULL;
    if (!r) {
        f->node = rg_node_add(c->g, RG_EXTERNAL, f->name, NULL, 0);
        return;
    }
    char params[512] = "";
    size_t used = 0;
    for (int i = 0; i < r->nparams && used + 1 < sizeof params; i++)
        used += (size_t)snprintf(params + used, sizeof params - used, "%s%s%s", i ? " " : "",
                                 rule_arg_name(r->params[i].effect),
                                 r->params[i].nullable ? "?" : "");
    const char *ret = rule_ret_name(r->ret);
    f->node = rg_node_add(c->g, contract_kind(ret),
                          arena_printf(&c->g->a, "%s\nrule: returns %s; %s", f->name, ret,
                                       params_text(c->g, params)),
                          NULL, 0);
}

static void draw_node(call_ctx *c, fnode *f) {
    const store_fn_row *r = f->row;
    if (!r) {
        draw_external(c, f);
        return;
    }
    const char *ret = r->returns ? r->returns : "?";
    const char *label = arena_printf(&c->g->a, "%s\nreturns %s; %s\n%s", f->name, ret,
                                     params_text(c->g, r->params),
                                     rg_where(c->g, r->file, r->line));
    f->node = rg_node_add(c->g, contract_kind(ret), label, r->file, r->line);
    c->g->nodes[f->node].marked = f->dist == 0;
}

static void draw(call_ctx *c) {
    for (int v = 0; v < c->nf; v++)
        if (c->f[v].keep)
            draw_node(c, &c->f[v]);
    for (int e = 0; e < c->ncalls; e++) {
        if (c->from[e] < 0)
            continue;
        const fnode *x = &c->f[c->from[e]], *y = &c->f[c->to[e]];
        int a = x->node, b = y->node;
        /* around a center, only the calls that lead away from it */
        if (x->dist >= 0 && abs(x->dist - y->dist) != 1)
            continue;
        if (a >= 0 && b >= 0 && rg_edge_find(c->g, a, b, RG_EDGE_FLOW) < 0)
            rg_edge_add(c->g, a, b, RG_EDGE_FLOW, NULL);
    }
}

/* Functions with no call among the drawn ones would stack in one tall
 * column; invisible edges set them out in rows of a few. */
static void pack_isolated(rgraph *g) {
    enum { PER_ROW = 4 };
    bool *linked = ARENA_ARRAY(&g->a, bool, g->nnodes + 1);
    for (int e = 0; e < g->nedges; e++)
        linked[g->edges[e].from] = linked[g->edges[e].to] = true;
    int prev = -1, in_row = 0;
    for (int v = 0; v < g->nnodes; v++) {
        if (linked[v])
            continue;
        if (prev >= 0 && in_row < PER_ROW)
            rg_edge_add(g, prev, v, RG_EDGE_INVIS, NULL);
        else
            in_row = 0;
        in_row++;
        prev = v;
    }
}

static int count_defined(const call_ctx *c, bool drawn) {
    int n = 0;
    for (int v = 0; v < c->nf; v++)
        n += c->f[v].row && (!drawn || c->f[v].node >= 0);
    return n;
}

static void notices(call_ctx *c, int cut) {
    const rgraph_options *o = c->g->opt;
    int shown = count_defined(c, true), all = count_defined(c, false);
    if (cut)
        rg_notice(c->g,
                  "showing %d of %d nodes (%d of %d defined functions): %d cut by the size "
                  "limit --max-nodes %d; narrow with --file, --function-filter, "
                  "--calls --function NAME --depth N or --internal-only, or raise --max-nodes",
                  c->g->nnodes, c->nf, shown, all, cut, rg_max_nodes(c->g->opt));
    else if (shown < all && o && o->center && o->depth > 0)
        rg_notice(c->g, "showing %d of %d defined functions (those within %d call%s of %s)",
                  shown, all, o->depth, o->depth == 1 ? "" : "s", o->center);
    else if (shown < all && o && o->center)
        rg_notice(c->g, "showing %d of %d defined functions (those connected to %s)", shown, all,
                  o->center);
    else if (shown < all)
        rg_notice(c->g, "showing %d of %d defined functions (the filters' matches, their "
                        "callers and callees)",
                  shown, all);
}

static bool choose(call_ctx *c, char *err, size_t errlen) {
    const rgraph_options *o = c->g->opt;
    if (o && o->center) {
        int k = rg_map_get(&c->by_name, o->center);
        if (k < 0) {
            rg_err(err, errlen, "no function '%s' in the database", o->center);
            return false;
        }
        walk_from(c, k, o->depth);
    }
    apply_filters(c);
    for (int v = 0; v < c->nf; v++)
        if (c->f[v].keep && c->f[v].row)
            return true;
    rg_err(err, errlen, "no function matches the filters (%d functions in the database)",
           count_defined(c, false));
    return false;
}

rgraph *rgraph_calls(store *s, const rgraph_options *opt, char *err, size_t errlen) {
    call_ctx c = {.g = rg_new(opt, "LR")};
    if (!load(s, &c, err, errlen) || !choose(&c, err, errlen)) {
        rgraph_free(c.g);
        return NULL;
    }
    int cut = apply_limit(&c);
    c.g->concentrate = true;
    draw(&c);
    pack_isolated(c.g);
    notices(&c, cut);
    c.g->title = arena_printf(&c.g->a, "call graph with ownership contracts%s%s",
                              opt && opt->center ? " around " : "",
                              opt && opt->center ? opt->center : "");
    c.g->mark_legend = "the center";
    c.g->legend[RG_NEW] = "returns a new reference";
    c.g->legend[RG_BORROWED] = "returns a borrowed reference";
    c.g->legend[RG_FUNCTION] = "returns no reference";
    c.g->legend[RG_EXTERNAL] = "not defined in the database";
    c.g->opt = NULL;
    return c.g;
}
