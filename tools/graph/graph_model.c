/* graph_model.c: the graph model shared by the builders (graph_internal.h):
 * adding nodes, edges and rows, the style and legend of each kind, the
 * notice, and the public accessors of graph.h. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "graph_style.h"

static const struct {
    const char *style, *legend;
} kinds[RG_KIND_COUNT] = {
    [RG_NEW] = {RF_STYLE_NEW, "new reference (owned)"},
    [RG_BORROWED] = {RF_STYLE_BORROWED, "borrowed reference"},
    [RG_STOLEN] = {RF_STYLE_STOLEN, "stolen (given away)"},
    [RG_RELEASED] = {RF_STYLE_RELEASED, "released (decref)"},
    [RG_STORED] = {RF_STYLE_STORED, "stored in the heap"},
    [RG_RETURNED] = {RF_STYLE_RETURNED, "returned to the caller"},
    [RG_STEP] = {RF_STYLE_STEP, "step of a finding's path"},
    [RG_FINDING] = {RF_STYLE_FINDING, "finding"},
    [RG_TRACED] = {RF_STYLE_TRACED, "traced by the collector"},
    [RG_UNTRACED] = {RF_STYLE_UNTRACED, "untraced (refcount only)"},
    [RG_UNKNOWN] = {RF_STYLE_UNKNOWN, "type not analyzed"},
    [RG_FUNCTION] = {RF_STYLE_FUNCTION, "function (contract)"},
    [RG_EXTERNAL] = {RF_STYLE_EXTERNAL, "not defined here"},
    [RG_LANE] = {RF_STYLE_LANE, NULL},
};

const char *rg_kind_style(rg_kind k) {
    return kinds[k].style;
}

const char *rg_kind_legend(const rgraph *g, rg_kind k) {
    return g->legend[k] ? g->legend[k] : kinds[k].legend;
}

void rg_err(char *err, size_t errlen, const char *fmt, ...) {
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

rgraph *rg_new(const rgraph_options *opt, const char *rankdir) {
    rgraph *g = calloc(1, sizeof *g);
    if (!g)
        abort();
    arena_init(&g->a);
    rg_map_init(&g->edge_index, &g->a);
    g->opt = opt;
    g->rankdir = rankdir;
    return g;
}

void *rg_grow(arena *a, void *items, int n, int *cap, size_t size) {
    if (n < *cap)
        return items;
    *cap = *cap ? *cap * 2 : 32;
    void *bigger = arena_alloc(a, size * (size_t)*cap);
    if (items)
        memcpy(bigger, items, size * (size_t)n);
    return bigger;
}

int rg_node_add(rgraph *g, rg_kind kind, const char *label, const char *file, int line) {
    g->nodes = rg_grow(&g->a, g->nodes, g->nnodes, &g->capnodes, sizeof *g->nodes);
    rg_node *n = &g->nodes[g->nnodes];
    *n = (rg_node){.label = arena_strdup(&g->a, label), .kind = kind,
                   .file = arena_strdup(&g->a, file), .line = line};
    if (file && g->opt && g->opt->link)
        n->url = arena_strdup(&g->a, g->opt->link(g->opt->link_ctx, file, line));
    return g->nnodes++;
}

static const char *edge_key(char *buf, size_t len, int from, int to, rg_edge_kind kind) {
    snprintf(buf, len, "%d>%d>%d", from, to, (int)kind);
    return buf;
}

int rg_edge_add(rgraph *g, int from, int to, rg_edge_kind kind, const char *label) {
    char key[64];
    g->edges = rg_grow(&g->a, g->edges, g->nedges, &g->capedges, sizeof *g->edges);
    if (rg_edge_find(g, from, to, kind) < 0)
        rg_map_put(&g->edge_index, edge_key(key, sizeof key, from, to, kind), g->nedges);
    g->edges[g->nedges] =
        (rg_edge){.from = from, .to = to, .kind = kind, .label = arena_strdup(&g->a, label)};
    return g->nedges++;
}

int rg_edge_find(const rgraph *g, int from, int to, rg_edge_kind kind) {
    char key[64];
    return rg_map_get(&g->edge_index, edge_key(key, sizeof key, from, to, kind));
}

int rg_row_add(rgraph *g, const char *label) {
    g->rows = rg_grow(&g->a, g->rows, g->nrows, &g->caprows, sizeof *g->rows);
    return g->rows[g->nrows++] = rg_node_add(g, RG_LANE, label, NULL, 0);
}

const char *rg_basename(const char *file) {
    const char *slash = file ? strrchr(file, '/') : NULL;
    return slash ? slash + 1 : file;
}

const char *rg_where(rgraph *g, const char *file, int line) {
    if (!file)
        return "";
    return arena_printf(&g->a, "%s:%d", rg_basename(file), line);
}

void rg_notice(rgraph *g, const char *fmt, ...) {
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    g->notice = arena_strdup(&g->a, buf);
}

int rg_max_nodes(const rgraph_options *opt) {
    if (!opt || opt->max_nodes == 0)
        return RGRAPH_DEFAULT_MAX_NODES;
    return opt->max_nodes < 0 ? INT_MAX : opt->max_nodes;
}

void rg_adj_build(arena *a, int n, int m, const int *from, const int *to, rg_adj *out) {
    out->start = ARENA_ARRAY(a, int, n + 2);
    out->edge = ARENA_ARRAY(a, int, m + 1);
    for (int e = 0; e < m; e++)
        if (from[e] >= 0 && to[e] >= 0)
            out->start[from[e] + 2]++;
    for (int v = 0; v < n; v++)
        out->start[v + 2] += out->start[v + 1];
    for (int e = 0; e < m; e++) /* start[v + 1] is where v's next edge goes */
        if (from[e] >= 0 && to[e] >= 0)
            out->edge[out->start[from[e] + 1]++] = e;
}

/* --- graph.h ------------------------------------------------------------ */

void rgraph_free(rgraph *g) {
    if (!g)
        return;
    arena_free(&g->a);
    free(g);
}

int rgraph_node_count(const rgraph *g) {
    return g->nnodes;
}

const char *rgraph_notice(const rgraph *g) {
    return g->notice;
}
