/* report_graph.c: the report's graph sections (see report_graph.h). */
#include "report_graph.h"

static void unavailable(FILE *out, const char *id) {
    fprintf(out, "<p class=\"empty\" id=\"%s\">This refflow cannot draw graphs yet.</p>\n", id);
}

void report_graph_function(FILE *out, const report_ctx *c, const store_report_finding *f,
                           const src_file *shown) {
    fputs("<section><h2>Reference-flow graph</h2>\n", out);
    unavailable(out, "no-graph");
    fputs("</section>\n", out);
    (void)c, (void)f, (void)shown;
}

void report_graph_types(FILE *out, const report_ctx *c) {
    fputs("<section><h2>Type reference graph</h2>\n", out);
    unavailable(out, "no-graph");
    fputs("</section>\n", out);
    (void)c;
}
