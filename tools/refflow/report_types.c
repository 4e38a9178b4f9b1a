/* report_types.c: types.html of the HTML report: the type reference graph
 * (inline SVG, cycles highlighted), the types (whether the tracing
 * collector sees each, when the database knows, and whether each lies on a
 * cycle of owned fields, which reference counting alone never frees) with
 * their fields, and the cycle findings. Types and edges are read with the
 * graph's queries (store.h, "graphs"). */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "report.h"
#include "report_graph.h"

typedef struct type_data {
    arena a;
    store_type_row *types;
    int ntypes;
    store_type_edge_row *edges;
    int nedges;
    bool *cyclic;              /* per type: on a cycle of owned edges */
} type_data;

static int type_index(const type_data *t, const char *name) {
    for (int i = 0; i < t->ntypes; i++)
        if (strcmp(t->types[i].name, name) == 0)
            return i;
    return -1;
}

/* Marks in seen every type reachable from type from over owned edges. */
static void reach(const type_data *t, int from, bool *seen) {
    for (int i = 0; i < t->nedges; i++) {
        const store_type_edge_row *e = &t->edges[i];
        if (!e->owned || strcmp(e->struct_type, t->types[from].name) != 0)
            continue;
        int to = type_index(t, e->target_type);
        if (to >= 0 && !seen[to]) {
            seen[to] = true;
            reach(t, to, seen);
        }
    }
}

static bool load_types(store *db, type_data *t, char *err, size_t errlen) {
    memset(t, 0, sizeof *t);
    arena_init(&t->a);
    if (!store_graph_types(db, &t->a, &t->types, &t->ntypes, err, errlen) ||
        !store_graph_type_edges(db, &t->a, &t->edges, &t->nedges, err, errlen))
        return false;
    t->cyclic = ARENA_ARRAY(&t->a, bool, t->ntypes + 1);
    bool *seen = ARENA_ARRAY(&t->a, bool, t->ntypes + 1);
    for (int i = 0; i < t->ntypes; i++) {
        memset(seen, 0, sizeof *seen * (size_t)t->ntypes);
        reach(t, i, seen);
        t->cyclic[i] = seen[i];
    }
    return true;
}

static void field_list(FILE *out, const type_data *t, const char *type, bool owned) {
    bool any = false;
    for (int i = 0; i < t->nedges; i++) {
        const store_type_edge_row *e = &t->edges[i];
        if (e->owned != owned || strcmp(e->struct_type, type) != 0)
            continue;
        fputs(any ? ", <code>" : "<code>", out);
        html_printf(out, "%s → %s", e->field, e->target_type);
        fputs("</code>", out);
        any = true;
    }
    if (!any)
        fputs("—", out);
}

static void traced_cell(FILE *out, const store_type_row *r) {
    if (!r->known)
        fputs("<td class=\"empty\">unknown</td>", out);
    else if (r->traced)
        fputs("<td>yes</td>", out);
    else {
        fputs("<td><span class=\"cyc\">no</span>", out);
        if (r->why_untraced) {
            fputs(": ", out);
            html_text(out, r->why_untraced);
        }
        fputs("</td>", out);
    }
}

static void type_row(FILE *out, const type_data *t, int i) {
    const store_type_row *r = &t->types[i];
    fputs("<tr data-type=\"", out);
    html_text(out, r->name);
    fprintf(out, "\" data-cyclic=\"%d\"><td><code>", t->cyclic[i]);
    html_text(out, r->name);
    fputs("</code>", out);
    if (r->file) {
        fputs(" <span class=\"when\">", out);
        html_printf(out, "%s:%d", r->file, r->line);
        fputs("</span>", out);
    }
    fputs("</td>", out);
    traced_cell(out, r);
    fprintf(out, "<td>%s</td><td>", t->cyclic[i] ? "<span class=\"cyc\">yes</span>" : "no");
    field_list(out, t, r->name, true);
    fputs("</td><td>", out);
    field_list(out, t, r->name, false);
    fputs("</td></tr>\n", out);
}

static void write_type_table(FILE *out, const type_data *t) {
    fputs("<section><h2>Types</h2>\n<table class=\"plain\" id=\"types\"><thead><tr>"
          "<th>Type</th><th>Traced by the collector</th><th>On an owned cycle</th>"
          "<th>Owned fields</th><th>Borrowed fields</th></tr></thead><tbody>\n",
          out);
    for (int i = 0; i < t->ntypes; i++)
        type_row(out, t, i);
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

static void write_body(FILE *out, const report_ctx *c, const type_data *t) {
    if (t->ntypes == 0) {
        fputs("<p class=\"empty\" id=\"no-types\">No struct field that points to a "
              "reference-counted object is recorded in the database.</p>\n",
              out);
    } else {
        report_graph_types(out, c);
        write_type_table(out, t);
    }
    write_cycle_findings(out, c);
}

bool report_write_types(const report_ctx *c, char *err, size_t errlen) {
    type_data t;
    if (!load_types(c->db, &t, err, errlen)) {
        arena_free(&t.a);
        return false;
    }
    FILE *out = report_page_open(c, "types.html", err, errlen);
    if (out) {
        report_page_begin(out, "refflow report: types", "types");
        fputs("<h1>Types</h1>\n", out);
        write_body(out, c, &t);
        report_page_end(out, false);
    }
    arena_free(&t.a);
    return out && report_page_close(c, out, "types.html", err, errlen);
}
