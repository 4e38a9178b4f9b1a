/* graph.h: refflow's reference graphs, built from the database that
 * `refflow check` wrote (analyzer/store.h), rendered in-process with
 * Graphviz (libgvc). Used by `refflow graph` and by the HTML report.
 *
 * Three graphs:
 *  - rgraph_function: the reference flow through one function: one lane
 *    (cluster) per reference (symbol), with a node where it is acquired
 *    (new or borrowed, and from which API), increfed, released, stolen,
 *    stored and returned, in line order; the function's findings marked
 *    and one finding's path (options.finding_id) emphasised.
 *  - rgraph_types: the type reference graph (types/type_edges): one node
 *    per object type, an edge per field holding a reference; traced and
 *    untraced types drawn differently, the strongly connected components
 *    over owned edges (the cycles reference counting cannot free)
 *    highlighted.
 *  - rgraph_calls: the call graph (functions/call_edges) with each
 *    function's ownership contract (returns new/borrowed/..., what each
 *    parameter does).
 *
 * Invariants:
 *  - A graph never silently drops anything: when filters or max_nodes cut
 *    nodes, rgraph_notice says what was cut and how to narrow the graph,
 *    and the rendered picture carries the same text as its caption.
 *  - Every node that has a source location carries it as a tooltip
 *    ("file:line") and, when options.link is given, the URL it returns as
 *    the node's href (SVG: an <a> around the node). Nodes without one
 *    (row heads, library callees, the legend) carry neither, so an <a>
 *    in the SVG lacks an href only where link returned NULL.
 *  - Colours, shapes and the legend come from graph_style.h, shared with
 *    the runtime's rf_heap_dump_dot, so the live heap and the static
 *    pictures look alike.
 *
 * Ownership: the rgraph_* builders return a graph the caller owns
 * (rgraph_free), or NULL with a message in err (errlen bytes). Strings
 * returned by rgraph_to_dot and rgraph_render are malloc'd and the
 * caller's. Nothing the caller passes is kept after a call returns (the
 * link callback is called only during the build).
 *
 * Threads: a graph belongs to one thread; builders take the store's lock
 * as any store call does.
 */
#ifndef REFFLOW_GRAPH_H
#define REFFLOW_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

#define RGRAPH_DEFAULT_MAX_NODES 200

typedef struct rgraph rgraph;

/* Maps a source location to a URL for the node's href. The returned string
 * is copied at once; it may be NULL (no link), and may be overwritten by the
 * next call (a static buffer is fine). */
typedef const char *(*rgraph_link_fn)(void *ctx, const char *file, int line);

typedef struct rgraph_options {
    /* Only what is in files whose path ends with this (path suffix, e.g.
     * "listobject.c" or "Objects/listobject.c"); NULL: every file. */
    const char *file;
    /* --calls: only functions whose name matches one of these
     * comma-separated patterns (fnmatch globs; a pattern without * ? [ is
     * a substring), plus their callers and callees; NULL: all. */
    const char *function_filter;
    /* --types: only types matching (as function_filter) and their
     * neighbours; NULL: all. */
    const char *type_filter;
    /* --calls: the function at the center, and how many calls away from it
     * to go (depth <= 0: unlimited). NULL: no center. */
    const char *center;
    int depth;
    /* Most nodes drawn; 0: RGRAPH_DEFAULT_MAX_NODES; < 0: no limit. */
    int max_nodes;
    /* --function: emphasise the path of this finding (findings.id); 0:
     * none. It must be a finding of the function. */
    int64_t finding_id;
    /* --calls: leave out callees not defined in the database (library
     * functions, macros). */
    bool internal_only;
    /* --calls: rules for callees not defined in the database (library
     * APIs, macros), to show their contracts too; NULL: none. */
    const struct rule_set *rules;
    rgraph_link_fn link;
    void *link_ctx;
} rgraph_options;

/* The reference flow through function `function` (a name; with opt->file
 * to choose among static functions of the same name in several files).
 * NULL with a message if the database has no such function, more than
 * one and no file to choose, or finding_id is not one of its findings. */
rgraph *rgraph_function(store *s, const char *function, const rgraph_options *opt, char *err,
                        size_t errlen);
/* The type reference graph. NULL with a message if the database holds no
 * type information or nothing matches the filters. */
rgraph *rgraph_types(store *s, const rgraph_options *opt, char *err, size_t errlen);
/* The call graph with ownership contracts. NULL with a message if the
 * database holds no functions, nothing matches, or center is unknown. */
rgraph *rgraph_calls(store *s, const rgraph_options *opt, char *err, size_t errlen);

void rgraph_free(rgraph *g);

/* How many nodes the graph draws (after filters and the size limit). */
int rgraph_node_count(const rgraph *g);
/* What was cut and how to narrow the graph ("showing 200 of 1234
 * functions: ..."), or NULL when nothing was cut. Owned by g. */
const char *rgraph_notice(const rgraph *g);

/* The graph in the DOT language (malloc'd; the caller frees it). Does not
 * need Graphviz. */
char *rgraph_to_dot(const rgraph *g);
/* The graph in format "dot" (the text of rgraph_to_dot, not laid out, for
 * other tools), or laid out with Graphviz and rendered as "svg" or "png".
 * *out gets the bytes (malloc'd, NUL-terminated even for PNG; the caller
 * frees it) and *len their number. False with a message on an unknown
 * format or a Graphviz failure. Graphviz reports errors through global
 * state: do not render in two threads at once. */
bool rgraph_render(const rgraph *g, const char *format, char **out, size_t *len, char *err,
                   size_t errlen);

/* Is format one rgraph_render knows ("dot", "svg", "png")? */
bool rgraph_format_known(const char *format);

#endif
