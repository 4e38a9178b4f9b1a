/* report_graph.h: the graphs of the HTML report, as inline SVG: a finding's
 * function (its reference flow, nodes linked to the page's #Lnn line
 * anchors) and the type reference graph. */
#ifndef REFFLOW_REPORT_GRAPH_H
#define REFFLOW_REPORT_GRAPH_H

#include <stdio.h>

#include "report.h"
#include "report_source.h"

/* The "Graph" section of f's page; shown is the source shown on the page
 * (NULL when no lines are shown: nodes then link nowhere). */
void report_graph_function(FILE *out, const report_ctx *c, const store_report_finding *f,
                           const src_file *shown);
/* The type graph section of types.html. */
void report_graph_types(FILE *out, const report_ctx *c);

#endif
