/* report_graph.c: the report's graph sections (see report_graph.h). The
 * SVG Graphviz writes is a standalone XML document; its prolog and doctype
 * are dropped so the <svg> element sits inline in the HTML page. Graphviz
 * escapes the labels it writes; the links are ours ("#L12"). */
#include "report_graph.h"

#include <stdlib.h>
#include <string.h>

#include "graph.h"
#include "html.h"

typedef struct line_links {
    const char *file;          /* the finding's file, as given */
    int first, last;           /* its lines on the page; first == 0: none */
    char buf[32];
} line_links;

/* Same file: equal, or one a path suffix of the other ("src/a.c", "a.c"). */
static bool same_file(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    if (la < lb)
        return same_file(b, a);
    return strcmp(a + la - lb, b) == 0 && (la == lb || a[la - lb - 1] == '/');
}

static const char *line_link(void *ctx, const char *file, int line) {
    line_links *l = ctx;
    if (!l->first || !file || !l->file || line < l->first || line > l->last ||
        !same_file(file, l->file))
        return NULL;
    snprintf(l->buf, sizeof l->buf, "#L%d", line);
    return l->buf;
}

static void no_graph(FILE *out, const char *why) {
    fputs("<p class=\"empty\" id=\"no-graph\">No graph: ", out);
    html_text(out, why);
    fputs("</p>\n", out);
}

/* Renders g (NULL: err says why) into the section. */
static void write_svg(FILE *out, rgraph *g, const char *err) {
    char why[1024], *svg = NULL;
    size_t len;
    if (!g) {
        no_graph(out, err);
        return;
    }
    if (!rgraph_render(g, "svg", &svg, &len, why, sizeof why)) {
        no_graph(out, why);
        return;
    }
    const char *start = strstr(svg, "<svg");
    if (!start) {
        no_graph(out, "Graphviz wrote no <svg> element");
    } else {
        fputs("<div class=\"graph\" id=\"graph\">\n", out);
        fwrite(start, 1, len - (size_t)(start - svg), out);
        fputs("</div>\n", out);
    }
    const char *notice = rgraph_notice(g);
    if (notice) {
        fputs("<p class=\"note-text\">", out);
        html_text(out, notice);
        fputs("</p>\n", out);
    }
    free(svg);
}

/* A finding outside any function (a type's: cycle-untraced) gets the type
 * graph around its type (its symbol) instead. */
static rgraph *type_graph_of(const report_ctx *c, const store_report_finding *f,
                             rgraph_options *opt, char *err, size_t errlen) {
    opt->file = NULL;
    opt->finding_id = 0;
    opt->type_filter = f->symbol;
    return rgraph_types(c->db, opt, err, errlen);
}

void report_graph_function(FILE *out, const report_ctx *c, const store_report_finding *f,
                           int first, int last) {
    bool in_function = f->function && f->function[0];
    char err[1024];
    line_links links = {f->file, first, last, ""};
    rgraph_options opt = {.file = f->file, .finding_id = f->id, .link = line_link,
                          .link_ctx = &links};
    rgraph *g = NULL;
    if (in_function) {
        fputs("<section><h2>Reference flow in this function</h2>\n", out);
        g = rgraph_function(c->db, f->function, &opt, err, sizeof err);
    } else if (f->symbol) {
        fputs("<section><h2>Type reference graph around <code>", out);
        html_text(out, f->symbol);
        fputs("</code></h2>\n", out);
        g = type_graph_of(c, f, &opt, err, sizeof err);
    } else {
        fputs("<section><h2>Reference flow</h2>\n", out);
        snprintf(err, sizeof err, "the finding is in no known function");
    }
    write_svg(out, g, err);
    rgraph_free(g);
    fputs("</section>\n", out);
}

void report_graph_types(FILE *out, const report_ctx *c) {
    fputs("<section><h2>Type reference graph</h2>\n", out);
    char err[1024];
    rgraph_options opt = {0};
    rgraph *g = rgraph_types(c->db, &opt, err, sizeof err);
    write_svg(out, g, err);
    rgraph_free(g);
    fputs("</section>\n", out);
}
