/* report_types.c: types.html of the HTML report: the type reference graph
 * (struct fields that point to reference-counted objects, from the
 * type_edges table), the types with whether each lies on a cycle of owned
 * fields (which reference counting alone never frees), every field edge,
 * and the cycle findings. */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "report.h"
#include "report_graph.h"

/* The distinct type names of the edges (structs and targets), in first-seen
 * order, and which lie on a cycle of owned edges. */
typedef struct type_set {
    const char **names;
    bool *cyclic;
    int n;
} type_set;

static int type_index(const type_set *t, const char *name) {
    for (int i = 0; i < t->n; i++)
        if (strcmp(t->names[i], name) == 0)
            return i;
    return -1;
}

static void add_type(type_set *t, const char *name) {
    if (type_index(t, name) < 0)
        t->names[t->n++] = name;
}

/* Marks in seen every type reachable from type from over owned edges. */
static void reach(const store_report *r, const type_set *t, int from, bool *seen) {
    for (int i = 0; i < r->nedges; i++) {
        const store_report_type_edge *e = &r->edges[i];
        if (!e->owned || strcmp(e->struct_type, t->names[from]) != 0)
            continue;
        int to = type_index(t, e->target_type);
        if (!seen[to]) {
            seen[to] = true;
            reach(r, t, to, seen);
        }
    }
}

static void collect_types(const store_report *r, type_set *t) {
    t->names = calloc((size_t)r->nedges * 2 + 1, sizeof *t->names);
    t->cyclic = calloc((size_t)r->nedges * 2 + 1, sizeof *t->cyclic);
    bool *seen = calloc((size_t)r->nedges * 2 + 1, sizeof *seen);
    if (!t->names || !t->cyclic || !seen)
        abort();
    t->n = 0;
    for (int i = 0; i < r->nedges; i++) {
        add_type(t, r->edges[i].struct_type);
        add_type(t, r->edges[i].target_type);
    }
    for (int i = 0; i < t->n; i++) {
        memset(seen, 0, sizeof *seen * (size_t)t->n);
        reach(r, t, i, seen);
        t->cyclic[i] = seen[i];
    }
    free(seen);
}

static void field_list(FILE *out, const store_report *r, const char *type, bool owned) {
    bool any = false;
    for (int i = 0; i < r->nedges; i++) {
        const store_report_type_edge *e = &r->edges[i];
        if (e->owned != owned || strcmp(e->struct_type, type) != 0)
            continue;
        fputs(any ? ", " : "", out);
        fputs("<code>", out);
        html_printf(out, "%s → %s", e->field, e->target_type);
        fputs("</code>", out);
        any = true;
    }
    if (!any)
        fputs("—", out);
}

static void write_type_table(FILE *out, const store_report *r, const type_set *t) {
    fputs("<section><h2>Types</h2>\n<table class=\"plain\" id=\"types\"><thead><tr>"
          "<th>Type</th><th>On an owned cycle</th><th>Owned fields</th>"
          "<th>Borrowed fields</th></tr></thead><tbody>\n",
          out);
    for (int i = 0; i < t->n; i++) {
        fprintf(out, "<tr data-type=\"");
        html_text(out, t->names[i]);
        fprintf(out, "\" data-cyclic=\"%d\"><td><code>", t->cyclic[i]);
        html_text(out, t->names[i]);
        fprintf(out, "</code></td><td>%s</td><td>",
                t->cyclic[i] ? "<span class=\"cyc\">yes</span>" : "no");
        field_list(out, r, t->names[i], true);
        fputs("</td><td>", out);
        field_list(out, r, t->names[i], false);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table></section>\n", out);
}

static void write_cycle_findings(FILE *out, const report_ctx *c) {
    fputs("<section><h2>Cycle findings</h2>\n", out);
    int n = 0;
    char page[256];
    for (int i = 0; i < c->r->nfindings; i++) {
        const store_report_finding *f = &c->r->findings[i];
        if (strncmp(f->check, "cycle-", 6) != 0)
            continue;
        if (n++ == 0)
            fputs("<ul class=\"cycle-findings\" id=\"cycle-findings\">\n", out);
        fprintf(out, "<li><a href=\"%s\">", report_finding_page(f, page, sizeof page));
        html_printf(out, "%s:%d", f->file ? f->file : "?", f->line);
        fputs("</a> ", out);
        report_check_badge(out, f->check);
        fputc(' ', out);
        html_text(out, f->message);
        fputs("</li>\n", out);
    }
    fputs(n ? "</ul>\n" : "<p class=\"empty\">No cycle findings.</p>\n", out);
    fputs("</section>\n", out);
}

bool report_write_types(const report_ctx *c, char *err, size_t errlen) {
    FILE *out = report_page_open(c, "types.html", err, errlen);
    if (!out)
        return false;
    report_page_begin(out, "refflow report: types", "types");
    fputs("<h1>Types</h1>\n", out);
    if (c->r->nedges == 0) {
        fputs("<p class=\"empty\" id=\"no-types\">No struct field that points to a "
              "reference-counted object is recorded in the database.</p>\n",
              out);
    } else {
        type_set t;
        collect_types(c->r, &t);
        report_graph_types(out, c);
        write_type_table(out, c->r, &t);
        free(t.names);
        free(t.cyclic);
    }
    write_cycle_findings(out, c);
    report_page_end(out, false);
    return report_page_close(c, out, "types.html", err, errlen);
}
