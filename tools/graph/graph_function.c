/* graph_function.c: the reference flow through one function
 * (rgraph_function): one lane (a row) per reference, its events in line
 * order (acquired new or borrowed, increfed, released, stolen, stored,
 * returned), the function's findings placed in their reference's lane with
 * the nodes of their paths outlined, and one finding's whole path (its
 * steps, branches included) emphasised.
 *
 * Assumes: sites name the variable holding the reference (symbol) and the
 * call it came from (symbol_origin), except acquire sites, which name only
 * the call: an acquire joins the first lane of a reference from the same
 * call that has no acquire yet and whose events start at or after it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

/* A node to be: a site, a finding, or a step of the emphasised path. */
typedef struct item {
    int line, col, rank;   /* rank orders items on one line: sites, steps, finding */
    rg_kind kind;
    const char *label, *file;
    int finding;           /* index of the finding, or -1 */
    int node;              /* set when drawn */
} item;

typedef struct lane {
    const char *symbol, *origin, *ref_kind;
    bool acquired;         /* has an acquire site */
    item *items;
    int n, cap;
    int first_line;
    bool has_finding;
    bool loose;            /* calls whose results no variable holds */
    bool drawn;            /* chosen within the size limit */
} lane;

typedef struct fn_ctx {
    rgraph *g;
    store_fn_row *fn;
    store_site_row *sites;
    int nsites;
    store_finding_row *findings;
    int nfindings;
    int emph;              /* index of the emphasised finding, or -1 */
    lane *lanes;
    int nlanes, caplanes;
} fn_ctx;

static bool str_eq(const char *a, const char *b) {
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* --- finding the function ----------------------------------------------- */

static void list_places(const store_fn_row *f, int n, char *buf, size_t len) {
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && used + 1 < len; i++)
        used += (size_t)snprintf(buf + used, len - used, "%s%s:%d", i ? ", " : "",
                                 f[i].file ? f[i].file : "?", f[i].line);
}

/* Keeps the rows in files matching opt->file, one per definition. */
static int keep_matching(store_fn_row *f, int n, const char *file) {
    int k = 0;
    for (int i = 0; i < n; i++) {
        bool dup = false;
        for (int j = 0; j < k && !dup; j++)
            dup = str_eq(f[j].file, f[i].file) && f[j].line == f[i].line;
        if (!dup && rg_file_matches(f[i].file, file))
            f[k++] = f[i];
    }
    return k;
}

static store_fn_row *find_function(store *s, arena *a, const char *name, const char *file,
                                   char *err, size_t errlen) {
    store_fn_row *f;
    int n, all;
    char places[1024];
    if (!store_graph_functions(s, a, name, &f, &n, err, errlen))
        return NULL;
    all = n;
    list_places(f, n, places, sizeof places);
    n = keep_matching(f, n, file);
    if (all == 0)
        rg_err(err, errlen, "%s: no function '%s' in the database (was its file checked?)",
               store_path(s), name);
    else if (n == 0)
        rg_err(err, errlen, "%s: no function '%s' in a file ending with '%s' (it is in %s)",
               store_path(s), name, file, places);
    else if (n > 1)
        rg_err(err, errlen, "%s: %d functions are named '%s' (%s): choose one with --file",
               store_path(s), n, name, places);
    return n == 1 ? f : NULL;
}

/* --- lanes -------------------------------------------------------------- */

static lane *lane_add(fn_ctx *c, const char *symbol, const char *origin, const char *ref_kind) {
    c->lanes = rg_grow(&c->g->a, c->lanes, c->nlanes, &c->caplanes, sizeof *c->lanes);
    lane *l = &c->lanes[c->nlanes++];
    *l = (lane){.symbol = symbol, .origin = origin, .ref_kind = ref_kind, .first_line = -1};
    return l;
}

static item *item_add(fn_ctx *c, lane *l) {
    l->items = rg_grow(&c->g->a, l->items, l->n, &l->cap, sizeof *l->items);
    item *it = &l->items[l->n++];
    *it = (item){.finding = -1, .node = -1};
    return it;
}

static lane *lane_of_symbol(fn_ctx *c, const char *symbol, const char *origin) {
    for (int i = 0; i < c->nlanes; i++)
        if (str_eq(c->lanes[i].symbol, symbol) && str_eq(c->lanes[i].origin, origin))
            return &c->lanes[i];
    return NULL;
}

/* The lane an acquire of callee at line belongs to (see the file's top). */
static lane *lane_for_acquire(fn_ctx *c, const store_site_row *s) {
    lane *best = NULL;
    for (int i = 0; i < c->nlanes; i++) {
        lane *l = &c->lanes[i];
        if (!l->acquired && l->symbol && str_eq(l->origin, s->callee) && l->first_line >= s->line &&
            (!best || l->first_line < best->first_line))
            best = l;
    }
    return best ? best : lane_add(c, NULL, s->callee, s->ref_kind);
}

static rg_kind site_kind(const store_site_row *s) {
    static const struct {
        const char *name;
        rg_kind kind;
    } map[] = {{"incref", RG_NEW},   {"decref", RG_RELEASED}, {"steal", RG_STOLEN},
               {"store", RG_STORED}, {"return", RG_RETURNED}};
    if (strcmp(s->kind, "acquire") == 0)
        return str_eq(s->ref_kind, "new") ? RG_NEW : RG_BORROWED;
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(s->kind, map[i].name) == 0)
            return map[i].kind;
    return RG_UNKNOWN;
}

static const char *site_label(rgraph *g, const store_site_row *s) {
    const char *callee = s->callee ? s->callee : "?";
    const char *where = rg_where(g, s->file, s->line);
    if (strcmp(s->kind, "acquire") == 0)
        return arena_printf(&g->a, "%s from %s()\n%s",
                            str_eq(s->ref_kind, "new")        ? "new"
                            : str_eq(s->ref_kind, "borrowed") ? "borrowed"
                                                              : "reference",
                            callee, where);
    if (strcmp(s->kind, "incref") == 0)
        return arena_printf(&g->a, "incref: %s\n%s", callee, where);
    if (strcmp(s->kind, "decref") == 0)
        return arena_printf(&g->a, "released: %s\n%s", callee, where);
    if (strcmp(s->kind, "steal") == 0)
        return arena_printf(&g->a, "stolen by %s (arg %d)\n%s", callee, s->arg + 1, where);
    if (strcmp(s->kind, "store") == 0)
        return s->callee ? arena_printf(&g->a, "stored by %s\n%s", callee, where)
                         : arena_printf(&g->a, "stored\n%s", where);
    if (strcmp(s->kind, "return") == 0)
        return arena_printf(&g->a, "returned\n%s", where);
    return arena_printf(&g->a, "%s\n%s", s->kind, where);
}

static void add_site(fn_ctx *c, lane *l, const store_site_row *s) {
    item *it = item_add(c, l);
    it->line = s->line;
    it->col = s->col;
    it->kind = site_kind(s);
    it->label = site_label(c->g, s);
    it->file = s->file;
    if (l->first_line < 0 || s->line < l->first_line)
        l->first_line = s->line;
    l->acquired |= strcmp(s->kind, "acquire") == 0;
}

/* Sites that name their reference first, then the acquires. */
static void build_lanes(fn_ctx *c) {
    for (int i = 0; i < c->nsites; i++) {
        const store_site_row *s = &c->sites[i];
        if (strcmp(s->kind, "acquire") == 0)
            continue;
        lane *l = lane_of_symbol(c, s->symbol, s->symbol_origin);
        add_site(c, l ? l : lane_add(c, s->symbol, s->symbol_origin, s->ref_kind), s);
    }
    for (int i = 0; i < c->nsites; i++)
        if (strcmp(c->sites[i].kind, "acquire") == 0)
            add_site(c, lane_for_acquire(c, &c->sites[i]), &c->sites[i]);
}

/* --- findings ----------------------------------------------------------- */

/* text broken into lines of about width characters, at spaces. */
static const char *wrap(rgraph *g, const char *text, int width) {
    char *s = arena_strdup(&g->a, text ? text : "");
    int col = 0;
    for (char *p = s; *p; p++, col++)
        if (*p == ' ' && col >= width) {
            *p = '\n';
            col = -1;
        }
    return s;
}

static lane *lane_of_finding(fn_ctx *c, const store_finding_row *f) {
    lane *best = NULL;
    for (int i = 0; i < c->nlanes; i++)
        if (f->symbol && str_eq(c->lanes[i].symbol, f->symbol) &&
            (!best || c->lanes[i].first_line <= f->line))
            best = &c->lanes[i];
    return best ? best : lane_add(c, f->symbol, NULL, NULL);
}

static bool lane_has_line(const lane *l, int line) {
    for (int i = 0; i < l->n; i++)
        if (l->items[i].line == line)
            return true;
    return false;
}

static bool any_lane_has_line(const fn_ctx *c, int line) {
    for (int i = 0; i < c->nlanes; i++)
        if (lane_has_line(&c->lanes[i], line))
            return true;
    return false;
}

/* The emphasised finding's steps that no site stands for become nodes. */
static void add_steps(fn_ctx *c, lane *l, const store_finding_row *f) {
    for (int i = 0; i < f->nsteps; i++) {
        const store_step_row *st = &f->steps[i];
        if (st->line == f->line || any_lane_has_line(c, st->line))
            continue;
        item *it = item_add(c, l);
        *it = (item){.line = st->line, .col = st->col, .rank = 1, .kind = RG_STEP,
                     .label = arena_printf(&c->g->a, "%s\n%s", wrap(c->g, st->text, 28),
                                           rg_where(c->g, st->file, st->line)),
                     .file = st->file, .finding = -1, .node = -1};
    }
}

static void add_findings(fn_ctx *c) {
    for (int i = 0; i < c->nfindings; i++) {
        const store_finding_row *f = &c->findings[i];
        lane *l = lane_of_finding(c, f);
        if (i == c->emph)
            add_steps(c, l, f);
        item *it = item_add(c, l);
        *it = (item){.line = f->line, .col = f->col, .rank = 2, .kind = RG_FINDING,
                     .label = arena_printf(&c->g->a, "#%lld %s\n%s\n%s", (long long)f->id,
                                           f->check_id, wrap(c->g, f->message, 32),
                                           rg_where(c->g, f->file, f->line)),
                     .file = f->file, .finding = i, .node = -1};
        l->has_finding = true;
        if (l->first_line < 0)
            l->first_line = f->line;
    }
}

/* --- drawing ------------------------------------------------------------ */

static int item_cmp(const void *pa, const void *pb) {
    const item *a = pa, *b = pb;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    return a->col < b->col ? -1 : a->col > b->col;
}

static const char *lane_label(rgraph *g, const lane *l) {
    const char *name = l->symbol ? l->symbol : "(result)";
    if (str_eq(l->ref_kind, "param"))
        return arena_printf(&g->a, "%s\nparameter", name);
    if (l->origin)
        return arena_printf(&g->a, "%s\n%s from %s", name,
                            l->ref_kind && strcmp(l->ref_kind, "unknown") ? l->ref_kind
                                                                           : "reference",
                            l->origin);
    if (l->ref_kind && strcmp(l->ref_kind, "unknown") != 0)
        return arena_printf(&g->a, "%s\n%s", name, l->ref_kind);
    return name;
}

static void draw_lane(fn_ctx *c, lane *l) {
    rgraph *g = c->g;
    qsort(l->items, (size_t)l->n, sizeof *l->items, item_cmp);
    int prev = rg_row_add(g, l->loose ? "results not held\nin a variable" : lane_label(g, l));
    for (int i = 0; i < l->n; i++) {
        item *it = &l->items[i];
        it->node = rg_node_add(g, it->kind, it->label, it->file, it->line);
        rg_edge_add(g, prev, it->node,
                    i == 0 ? RG_EDGE_LANE : l->loose ? RG_EDGE_INVIS : RG_EDGE_FLOW, NULL);
        prev = it->node;
    }
}

/* Lanes of a single unnamed acquire (PyErr_Occurred(), a result only
 * tested) become one loose lane, so they take one row. */
static void gather_loose(fn_ctx *c) {
    lane *loose = NULL;
    for (int i = 0; i < c->nlanes; i++) {
        lane *l = &c->lanes[i];
        if (l->symbol || l->n != 1 || l->has_finding)
            continue;
        if (!loose) {
            loose = l;
            l->loose = true;
            continue;
        }
        *item_add(c, loose) = l->items[0];
        l->n = 0;
    }
}

static int lane_cmp(const void *pa, const void *pb) {
    const lane *a = pa, *b = pb;
    return a->first_line < b->first_line ? -1 : a->first_line > b->first_line;
}

/* Chooses the lanes that fit the size limit, those with findings first,
 * and draws them in line order. */
static void draw_lanes(fn_ctx *c) {
    qsort(c->lanes, (size_t)c->nlanes, sizeof *c->lanes, lane_cmp);
    gather_loose(c);
    int max = rg_max_nodes(c->g->opt), used = 0, total = 0, cut = 0, lanes = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < c->nlanes; i++) {
            lane *l = &c->lanes[i];
            if (l->has_finding != (pass == 0) || l->n == 0)
                continue;
            total += l->n;
            lanes++;
            if (used + l->n > max && used > 0) {
                cut++;
                continue;
            }
            used += l->n;
            l->drawn = true;
        }
    for (int i = 0; i < c->nlanes; i++)
        if (c->lanes[i].drawn)
            draw_lane(c, &c->lanes[i]);
    if (cut)
        rg_notice(c->g,
                  "showing %d of %d references (%d of %d nodes): %d cut by the size limit "
                  "--max-nodes %d; raise it (-1: no limit) to see them all",
                  lanes - cut, lanes, used, total, cut, max);
}

/* --- marking findings --------------------------------------------------- */

/* The drawn node on `line` standing for a step of finding fi, preferring
 * the finding's own lane; -1 if none. */
static int step_node(fn_ctx *c, int fi, int line) {
    int any = -1;
    for (int i = 0; i < c->nlanes; i++) {
        lane *l = &c->lanes[i];
        bool own = false;
        int here = -1;
        for (int j = 0; j < l->n && l->drawn; j++) {
            own |= l->items[j].finding == fi;
            if (l->items[j].line == line && here < 0 &&
                (l->items[j].finding < 0 || l->items[j].finding == fi))
                here = l->items[j].node;
        }
        if (here >= 0 && own)
            return here;
        if (here >= 0 && any < 0)
            any = here;
    }
    return any;
}

static int finding_node(fn_ctx *c, int fi) {
    for (int i = 0; i < c->nlanes; i++)
        for (int j = 0; j < c->lanes[i].n && c->lanes[i].drawn; j++)
            if (c->lanes[i].items[j].finding == fi)
                return c->lanes[i].items[j].node;
    return -1;
}

static void link_path(rgraph *g, int from, int to, bool emph) {
    if (from < 0 || to < 0 || from == to)
        return;
    int e = rg_edge_find(g, from, to, RG_EDGE_FLOW);
    if (e < 0 && !emph)
        return;
    if (e < 0)
        e = rg_edge_add(g, from, to, RG_EDGE_PATH, NULL);
    g->edges[e].marked = true;
    g->edges[e].emphasis |= emph;
}

static void mark_node(rgraph *g, int n, bool emph) {
    if (n < 0)
        return;
    g->nodes[n].marked = true;
    g->nodes[n].emphasis |= emph;
}

static void mark_finding(fn_ctx *c, int fi) {
    const store_finding_row *f = &c->findings[fi];
    bool emph = fi == c->emph;
    int prev = -1;
    for (int i = 0; i < f->nsteps; i++) {
        int n = f->steps[i].line == f->line ? finding_node(c, fi)
                                            : step_node(c, fi, f->steps[i].line);
        mark_node(c->g, n, emph);
        link_path(c->g, prev, n, emph);
        prev = n >= 0 ? n : prev;
    }
    int n = finding_node(c, fi);
    mark_node(c->g, n, emph);
    link_path(c->g, prev, n, emph);
}

/* --- the graph ---------------------------------------------------------- */

static const char *title(fn_ctx *c) {
    const store_fn_row *f = c->fn;
    return arena_printf(&c->g->a, "reference flow in %s (%s)\nreturns %s; params: %s (%s)%s",
                        f->name, rg_where(c->g, f->file, f->line),
                        f->returns ? f->returns : "?", f->params ? f->params : "none",
                        f->summary_from ? f->summary_from : "no summary",
                        c->nfindings ? arena_printf(&c->g->a, "; %d finding%s", c->nfindings,
                                                    c->nfindings == 1 ? "" : "s")
                                     : "");
}

static bool load(store *s, fn_ctx *c, const char *name, char *err, size_t errlen) {
    const rgraph_options *opt = c->g->opt;
    c->fn = find_function(s, &c->g->a, name, opt ? opt->file : NULL, err, errlen);
    if (!c->fn || !store_graph_sites(s, &c->g->a, c->fn->id, &c->sites, &c->nsites, err, errlen) ||
        !store_graph_findings(s, &c->g->a, c->fn->tu_id, name, &c->findings, &c->nfindings, err,
                              errlen))
        return false;
    c->emph = -1;
    for (int i = 0; i < c->nfindings; i++)
        if (opt && opt->finding_id && c->findings[i].id == opt->finding_id)
            c->emph = i;
    if (opt && opt->finding_id && c->emph < 0) {
        rg_err(err, errlen, "finding %lld is not a current finding of %s (%d finding%s there)",
               (long long)opt->finding_id, name, c->nfindings, c->nfindings == 1 ? "" : "s");
        return false;
    }
    return true;
}

rgraph *rgraph_function(store *s, const char *function, const rgraph_options *opt, char *err,
                        size_t errlen) {
    fn_ctx c = {.g = rg_new(opt, "LR")};
    if (!load(s, &c, function, err, errlen)) {
        rgraph_free(c.g);
        return NULL;
    }
    build_lanes(&c);
    add_findings(&c);
    draw_lanes(&c);
    for (int i = 0; i < c.nfindings; i++)
        mark_finding(&c, i);
    c.g->title = title(&c);
    c.g->mark_legend = "on a finding's path";
    if (c.g->nnodes == 0)
        rg_notice(c.g, "no reference events recorded in %s", function);
    c.g->opt = NULL;
    return c.g;
}
