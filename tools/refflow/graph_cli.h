/* graph_cli.h: `refflow graph`: graph_args.c parses its options,
 * cmd_graph.c checks the given inputs first (through cmd_check), opens the
 * database, builds the graph (tools/graph/graph.h) and writes it. */
#ifndef REFFLOW_GRAPH_CLI_H
#define REFFLOW_GRAPH_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "graph.h"

typedef enum graph_mode { GRAPH_NONE, GRAPH_FUNCTION, GRAPH_TYPES, GRAPH_CALLS } graph_mode;

typedef struct graph_options {
    graph_mode mode;
    const char *function;     /* --function */
    const char *output;       /* -o; NULL: stdout */
    const char *format;       /* dot, svg, png (checked by rgraph_format_known) */
    const char *db;           /* --db */
    const char *link_prefix;  /* --link-prefix: before "FILE#LLINE" in node links */
    rgraph_options g;         /* filters, limits, the finding to emphasise */
    const char **rules;       /* --rules values (also given to the check) */
    int nrules;
    const char **check_args;  /* arguments for cmd_check, NULL-terminated */
    int ncheck_args;
    bool check_inputs;        /* files or -p were given: check first */
    bool help;
} graph_options;

/* Parses argv (after "graph"); on error prints a message and returns false. */
bool graph_args_parse(int argc, char **argv, graph_options *o);
void graph_args_free(graph_options *o);
void graph_usage(FILE *out);

int cmd_graph(int argc, char **argv);

#endif
