/* graph_dot.c: the graph model as DOT text (rgraph_to_dot): nodes with
 * their kind's style, links and tooltips, rows, edges, the caption (title
 * and notice) and a legend of the kinds the graph uses. Needs no
 * Graphviz: graph_render.c lays this text out. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"
#include "graph_style.h"

/* s as the inside of a DOT double-quoted string; newlines become \n. */
static void put_escaped(FILE *out, const char *s) {
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(out, "\\%c", *s);
        else if (*s == '\n')
            fputs("\\n", out);
        else if ((unsigned char)*s < 32)
            fputc(' ', out);
        else
            fputc(*s, out);
    }
}

static void put_attr(FILE *out, const char *name, const char *value) {
    if (!value)
        return;
    fprintf(out, ", %s=\"", name);
    put_escaped(out, value);
    fputc('"', out);
}

static void put_header(FILE *out, const rgraph *g) {
    fprintf(out, "digraph refflow {\n  graph [" RF_STYLE_GRAPH ", rankdir=%s, labelloc=t, "
                 "nodesep=0.25, ranksep=0.4, newrank=true%s",
            g->rankdir ? g->rankdir : "TB", g->concentrate ? ", concentrate=true" : "");
    if (g->title || g->notice) {
        fputs(", label=\"", out);
        put_escaped(out, g->title);
        if (g->notice) {
            fputs(g->title ? "\\n" : "", out);
            put_escaped(out, g->notice);
        }
        fputc('"', out);
    }
    fputs("];\n  node [" RF_STYLE_NODE "];\n  edge [" RF_STYLE_EDGE "];\n", out);
}

static void put_node(FILE *out, const rgraph *g, int i) {
    const rg_node *n = &g->nodes[i];
    fprintf(out, "  n%d [%s", i, rg_kind_style(n->kind));
    put_attr(out, "label", n->label);
    if (n->url) {
        put_attr(out, "URL", n->url);
        fputs(", target=\"_top\"", out);
    }
    if (n->file) {
        char where[4096];
        snprintf(where, sizeof where, "%s:%d", n->file, n->line);
        put_attr(out, "tooltip", where);
    }
    if (n->emphasis)
        fputs(", " RF_STYLE_EMPHASIS, out);
    else if (n->marked)
        fputs(", " RF_STYLE_MARK, out);
    fputs("];\n", out);
}

/* The rows' heads on the first rank, chained in order. */
static void put_rows(FILE *out, const rgraph *g) {
    if (g->nrows == 0)
        return;
    fputs("  { rank=same;", out);
    for (int r = 0; r < g->nrows; r++)
        fprintf(out, " n%d;", g->rows[r]);
    fputs(" }\n", out);
    for (int r = 1; r < g->nrows; r++)
        fprintf(out, "  n%d -> n%d [style=invis];\n", g->rows[r - 1], g->rows[r]);
}

static void put_edge(FILE *out, const rgraph *g, const rg_edge *e) {
    fprintf(out, "  n%d -> n%d [", e->from, e->to);
    switch (e->kind) {
    case RG_EDGE_FLOW:
        fputs("arrowsize=0.7", out);
        break;
    case RG_EDGE_OWNED:
        fputs(RF_STYLE_EDGE_OWNED ", penwidth=1.3", out);
        break;
    case RG_EDGE_BORROWED:
        fputs(RF_STYLE_EDGE_BORROWED, out);
        break;
    case RG_EDGE_PATH:
        fputs("constraint=false, style=bold", out);
        break;
    case RG_EDGE_LANE:
        fputs("arrowhead=none, color=\"#bdbdbd\"", out);
        break;
    case RG_EDGE_INVIS:
        fputs("style=invis", out);
        break;
    }
    put_attr(out, "label", e->label);
    if (e->emphasis)
        fputs(", " RF_STYLE_EMPHASIS, out);
    else if (e->marked || e->kind == RG_EDGE_PATH)
        fputs(", " RF_STYLE_MARK, out);
    (void)g;
    fputs("];\n", out);
}

/* A legend cluster: one sample node per kind used, in kind order, kept in
 * a column by invisible edges. */
static void put_legend(FILE *out, const rgraph *g) {
    bool used[RG_KIND_COUNT] = {0}, marked = false;
    for (int i = 0; i < g->nnodes; i++) {
        used[g->nodes[i].kind] = true;
        marked |= g->nodes[i].marked || g->nodes[i].emphasis;
    }
    fputs("  subgraph cluster_legend {\n    label=\"legend\"; style=\"rounded\"; "
          "color=\"#bdbdbd\"; fontsize=9;\n    node [fontsize=9, height=0.25];\n",
          out);
    int prev = -1;
    for (int k = 0; k < RG_KIND_COUNT; k++) {
        if (!used[k] || !rg_kind_legend(g, (rg_kind)k))
            continue;
        fprintf(out, "    legend%d [%s, label=\"%s\"];\n", k, rg_kind_style((rg_kind)k),
                rg_kind_legend(g, (rg_kind)k));
        if (prev >= 0)
            fprintf(out, "    legend%d -> legend%d [style=invis];\n", prev, k);
        prev = k;
    }
    if (marked) {
        fputs("    legend_mark [shape=box, " RF_STYLE_MARK, out);
        put_attr(out, "label", g->mark_legend ? g->mark_legend : "marked");
        fputs("];\n", out);
        if (prev >= 0)
            fprintf(out, "    legend%d -> legend_mark [style=invis];\n", prev);
    }
    fputs("  }\n", out);
}

char *rgraph_to_dot(const rgraph *g) {
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    if (!out)
        abort();
    put_header(out, g);
    for (int i = 0; i < g->nnodes; i++)
        put_node(out, g, i);
    put_rows(out, g);
    for (int i = 0; i < g->nedges; i++)
        put_edge(out, g, &g->edges[i]);
    if (g->nnodes)
        put_legend(out, g);
    fputs("}\n", out);
    if (fclose(out) != 0)
        abort();
    return buf;
}
