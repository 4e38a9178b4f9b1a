/* graph_style.h: the one place refflow's pictures get their look: shapes
 * and colours per kind of reference or type, as DOT attribute text. Used by
 * the graph builders (tools/graph) and by the runtime's rf_heap_dump_dot
 * (runtime/src/heap.c), so the live heap and the static graphs look alike:
 *
 *   new reference      green rounded box     (owned: acquired new, increfed)
 *   borrowed           blue ellipse          (not owned)
 *   stolen             orange cds            (given away to a stealing call)
 *   released           grey octagon          (decref)
 *   stored             purple folder         (into a field, a global, *out)
 *   returned           yellow house          (given to the caller)
 *   finding            red note; red outlines and edges mark a finding's path
 *   traced type/object green box, solid     (the cycle collector sees it)
 *   untraced           white box, dashed    (only reference counting frees it)
 *   cycle              red outline and edges (a strongly connected component)
 *
 * Plain C string literals, no dependencies, so the runtime can include it
 * without linking anything of refflow.
 */
#ifndef REFFLOW_GRAPH_STYLE_H
#define REFFLOW_GRAPH_STYLE_H

#define RF_STYLE_FONT "Helvetica"
#define RF_STYLE_GRAPH "fontname=\"" RF_STYLE_FONT "\", fontsize=11"
#define RF_STYLE_NODE "fontname=\"" RF_STYLE_FONT "\", fontsize=10, margin=\"0.08,0.03\""
#define RF_STYLE_EDGE "fontname=\"" RF_STYLE_FONT "\", fontsize=9, color=\"#555555\""

/* Per kind: node attributes. */
#define RF_STYLE_NEW "shape=box, style=\"rounded,filled\", fillcolor=\"#c8e6c9\", color=\"#2e7d32\""
#define RF_STYLE_BORROWED "shape=ellipse, style=filled, fillcolor=\"#bbdefb\", color=\"#1565c0\""
#define RF_STYLE_STOLEN "shape=cds, style=filled, fillcolor=\"#ffe0b2\", color=\"#e65100\""
#define RF_STYLE_RELEASED "shape=octagon, style=filled, fillcolor=\"#e0e0e0\", color=\"#424242\""
#define RF_STYLE_STORED "shape=folder, style=filled, fillcolor=\"#e1bee7\", color=\"#6a1b9a\""
#define RF_STYLE_RETURNED "shape=house, style=filled, fillcolor=\"#fff59d\", color=\"#f9a825\""
#define RF_STYLE_STEP "shape=box, style=\"dashed\", color=\"#d32f2f\", fontcolor=\"#b71c1c\""
#define RF_STYLE_FINDING "shape=note, style=filled, fillcolor=\"#ffcdd2\", color=\"#b71c1c\""
#define RF_STYLE_TRACED "shape=box, style=filled, fillcolor=\"#c8e6c9\", color=\"#2e7d32\""
#define RF_STYLE_UNTRACED "shape=box, style=\"dashed\", fillcolor=\"#ffffff\", color=\"#424242\""
#define RF_STYLE_UNKNOWN "shape=box, style=\"dotted\", color=\"#757575\""
#define RF_STYLE_FUNCTION "shape=box, style=\"rounded\", color=\"#424242\""
#define RF_STYLE_EXTERNAL "shape=plaintext, fontcolor=\"#616161\""
#define RF_STYLE_LANE "shape=plaintext, fontsize=11, fontname=\"Helvetica-Bold\""

/* What marks a finding's path or a cycle, added to a node's or edge's own. */
#define RF_STYLE_MARK_COLOR "#d32f2f"
#define RF_STYLE_MARK "color=\"" RF_STYLE_MARK_COLOR "\", penwidth=2.5"
#define RF_STYLE_EMPHASIS "color=\"" RF_STYLE_MARK_COLOR "\", penwidth=4"

/* Edges: an owned reference (solid), a borrowed one (dashed). */
#define RF_STYLE_EDGE_OWNED "style=solid"
#define RF_STYLE_EDGE_BORROWED "style=dashed, color=\"#9e9e9e\""

#endif
