/* graph_model.c: the graph model shared by the builders (graph_internal.h):
 * adding nodes, edges and clusters, the style and legend of each kind, the
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
};

const char *rg_kind_style(rg_kind k) {
    return kinds[k].style;
}

const char *rg_kind_legend(rg_kind k) {
    return kinds[k].legend;
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
    *n = (rg_node){.label = arena_strdup(&g->a, label), .kind = kind, .cluster = -1,
                   .file = arena_strdup(&g->a, file), .line = line};
    if (file && g->opt && g->opt->link)
        n->url = arena_strdup(&g->a, g->opt->link(g->opt->link_ctx, file, line));
    return g->nnodes++;
}

int rg_edge_add(rgraph *g, int from, int to, rg_edge_kind kind, const char *label) {
    g->edges = rg_grow(&g->a, g->edges, g->nedges, &g->capedges, sizeof *g->edges);
    g->edges[g->nedges] =
        (rg_edge){.from = from, .to = to, .kind = kind, .label = arena_strdup(&g->a, label)};
    return g->nedges++;
}

int rg_edge_find(const rgraph *g, int from, int to, rg_edge_kind kind) {
    for (int i = 0; i < g->nedges; i++)
        if (g->edges[i].from == from && g->edges[i].to == to && g->edges[i].kind == kind)
            return i;
    return -1;
}

int rg_cluster_add(rgraph *g, const char *label) {
    g->clusters = rg_grow(&g->a, g->clusters, g->nclusters, &g->capclusters, sizeof *g->clusters);
    g->clusters[g->nclusters] = (rg_cluster){.label = arena_strdup(&g->a, label)};
    return g->nclusters++;
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
