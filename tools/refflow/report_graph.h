/* report_graph.h: the graphs of the HTML report, drawn by refflow's graph
 * library (tools/graph/graph.h) as inline SVG: a finding's function (its
 * reference flow with the finding's path emphasised, each node linked to
 * the page's #Lnn line anchor when that line is shown) and the type
 * reference graph. When a graph cannot be drawn, the section says why. */
#ifndef REFFLOW_REPORT_GRAPH_H
#define REFFLOW_REPORT_GRAPH_H

#include <stdio.h>

#include "report.h"

/* The graph section of f's page; lines first..last of f's file are shown
 * on the page (first == 0: none), so nodes there link to them. */
void report_graph_function(FILE *out, const report_ctx *c, const store_report_finding *f,
                           int first, int last);
/* The type graph section of types.html. */
void report_graph_types(FILE *out, const report_ctx *c);

#endif
