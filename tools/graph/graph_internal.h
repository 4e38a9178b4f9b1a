/* graph_internal.h: what the graph files share (graph.h is the public
 * side). A graph is a plain model: nodes, edges and rows in an arena,
 * with a style kind each; graph_dot.c turns it into DOT, graph_render.c
 * (the only file that includes Graphviz) lays that out and renders it.
 * The builders (graph_function.c, graph_types.c, graph_calls.c) fill the
 * model from the store; graph_filter.c holds the name and file filters
 * and the size-limit notice.
 *
 * Rows: some graphs (a function's flow) are drawn as rows, one per
 * reference, top to bottom in the order given, each starting at its head
 * node (the row's label); Graphviz keeps that order because the heads
 * share the first rank and are chained by invisible edges (dot honours
 * the order of such flat edges; it does not for clusters).
 *
 * Invariants: node indices are stable once added; an edge's ends are
 * valid node indices; every string lives in the graph's arena.
 */
#ifndef REFFLOW_GRAPH_INTERNAL_H
#define REFFLOW_GRAPH_INTERNAL_H

#include "arena.h"
#include "graph.h"

/* The look of a node (graph_style.h; legend texts in graph_model.c). */
typedef enum rg_kind {
    RG_NEW,
    RG_BORROWED,
    RG_STOLEN,
    RG_RELEASED,
    RG_STORED,
    RG_RETURNED,
    RG_STEP,
    RG_FINDING,
    RG_TRACED,
    RG_UNTRACED,
    RG_UNKNOWN,
    RG_FUNCTION,
    RG_EXTERNAL,
    RG_LANE,          /* a row's head: the reference's name */
    RG_KIND_COUNT
} rg_kind;

typedef enum rg_edge_kind {
    RG_EDGE_FLOW,     /* one reference's next event, or a call */
    RG_EDGE_OWNED,    /* a field holding its own reference */
    RG_EDGE_BORROWED, /* a field that does not */
    RG_EDGE_PATH,     /* a finding's path, drawn over the layout */
    RG_EDGE_LANE,     /* a row's head to its first node */
    RG_EDGE_INVIS,    /* keeps unrelated nodes of a row in line */
} rg_edge_kind;

/* A map from names to ints in an arena (grows; never shrinks). */
typedef struct rg_map_entry rg_map_entry;
typedef struct rg_map {
    arena *a;
    rg_map_entry **buckets;
    int nbuckets, n;
} rg_map;

void rg_map_init(rg_map *m, arena *a);
/* The value of key, or -1. */
int rg_map_get(const rg_map *m, const char *key);
/* Sets key (copied) to value. */
void rg_map_put(rg_map *m, const char *key, int value);

typedef struct rg_node {
    const char *label;
    rg_kind kind;
    const char *file;     /* source location, or NULL */
    int line;
    const char *url;      /* from options.link, or NULL */
    bool marked;          /* on a finding's path or a cycle */
    bool emphasis;        /* on the emphasised finding's path */
} rg_node;

typedef struct rg_edge {
    int from, to;
    const char *label;
    rg_edge_kind kind;
    bool marked, emphasis;
} rg_edge;

struct rgraph {
    arena a;
    const char *title;    /* the caption on top */
    const char *rankdir;  /* "TB" or "LR" */
    bool concentrate;     /* merge parallel edges (call graphs) */
    rg_node *nodes;
    int nnodes, capnodes;
    rg_edge *edges;
    int nedges, capedges;
    int *rows;            /* the rows' head nodes, top to bottom */
    int nrows, caprows;
    rg_map edge_index;    /* "from>to>kind" -> edge */
    const char *notice;   /* what was cut, or NULL */
    const char *mark_legend; /* what a red outline means here */
    const char *legend[RG_KIND_COUNT]; /* this graph's words for a kind, or NULL */
    const rgraph_options *opt; /* during the build only */
};

/* --- the model (graph_model.c) ------------------------------------------ */

rgraph *rg_new(const rgraph_options *opt, const char *rankdir);
/* items (n used of *cap, each size bytes, in arena a) with room for one
 * more: the same array, or a copy twice as large. */
void *rg_grow(arena *a, void *items, int n, int *cap, size_t size);
/* A node; its url comes from opt->link when file is known. */
int rg_node_add(rgraph *g, rg_kind kind, const char *label, const char *file, int line);
int rg_edge_add(rgraph *g, int from, int to, rg_edge_kind kind, const char *label);
/* Starts a row with a head node labelled label; returns the head. */
int rg_row_add(rgraph *g, const char *label);
/* The index of an edge from -> to of that kind, or -1. */
int rg_edge_find(const rgraph *g, int from, int to, rg_edge_kind kind);
/* The DOT attributes of a kind, and its legend text in g. */
const char *rg_kind_style(rg_kind k);
const char *rg_kind_legend(const rgraph *g, rg_kind k);
/* The last path component of file (in the file's own storage). */
const char *rg_basename(const char *file);
/* "name:line" of file's last component, in g's arena; "" without file. */
const char *rg_where(rgraph *g, const char *file, int line);
/* Sets msg (formatted) as the graph's notice. */
void rg_notice(rgraph *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* max_nodes with the default applied; INT_MAX for no limit. */
int rg_max_nodes(const rgraph_options *opt);


/* Adjacency lists of a graph of n vertices and m edges (ends from[e],
 * to[e]; a negative end leaves the edge out): the edges leaving v are
 * edge[start[v]] .. edge[start[v + 1] - 1], in edge order. */
typedef struct rg_adj {
    int *start, *edge;
} rg_adj;

void rg_adj_build(arena *a, int n, int m, const int *from, const int *to, rg_adj *out);

/* --- filters (graph_filter.c) ------------------------------------------- */

/* Does file end with the path suffix (on a component boundary)? A NULL
 * suffix matches everything, a NULL file nothing else. */
bool rg_file_matches(const char *file, const char *suffix);
/* Does name match one of the comma-separated patterns (globs; a pattern
 * without * ? [ matches as a substring)? NULL patterns match everything. */
bool rg_name_matches(const char *name, const char *patterns);

/* The size limit: of the n items with want[i] set, keeps the max with the
 * highest prio (ties: lower index first) and clears want[] for the rest.
 * Returns how many were cut. */
int rg_limit(bool *want, const int *prio, int n, int max);

/* --- errors ------------------------------------------------------------- */

void rg_err(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
