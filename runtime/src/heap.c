/* heap.c: introspection of the live heap: counts, the per-type registry,
 * the DOT dump of the reference graph, the live-object report, and the
 * heap-invariant walker.
 *
 * The DOT dump draws objects as refflow's static graphs draw types
 * (tools/graph/graph_style.h): tracked objects as traced, the others as
 * untraced, every reference an owned edge.
 *
 * Assumes: the list invariants in object_internal.h; every tracked type's
 * traverse reports its references; single-threaded use, and no collection
 * or destruction runs while these walk the lists.
 */
#include <inttypes.h>
#include <stdio.h>

#include "builtins_internal.h"
#include "graph_style.h"
#include "object_internal.h"

size_t rf_heap_count(void)
{
    return rf_rt.nlive;
}

size_t rf_heap_count_type(const rf_type *type)
{
    return type->rf_nlive;
}

void rf_heap_foreach_type(void (*fn)(const rf_type *type, size_t live, void *arg), void *arg)
{
    for (rf_type *t = rf_rt.types; t != NULL; t = t->rf_next_type)
        fn(t, t->rf_nlive, arg);
}

/* Calls fn on every live object, list by list. */
static void foreach_object(void (*fn)(rf_object *o, void *arg), void *arg)
{
    rf_runtime_init_();
    for (rf_link *l = rf_rt.untracked.next; l != &rf_rt.untracked; l = l->next)
        fn(rf_object_of(l), arg);
    for (int g = 0; g < RF_GC_GENERATIONS; g++)
        for (rf_link *l = rf_rt.gen[g].next; l != &rf_rt.gen[g]; l = l->next)
            fn(rf_object_of(l), arg);
}

/* --- DOT dump --- */

/* Writes s as the inside of a DOT double-quoted string, at most max bytes. */
static void write_escaped(FILE *out, const char *s, size_t len, size_t max)
{
    for (size_t i = 0; i < len && i < max; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 32 || c > 126)
            fprintf(out, "\\\\x%02x", c);
        else
            fputc(c, out);
    }
    if (len > max)
        fputs("...", out);
}

static void dot_node(rf_object *o, void *arg)
{
    FILE *out = arg;
    const char *name = o->rf_type->name ? o->rf_type->name : "?";
    fprintf(out, "  \"%p\" [label=\"%s\\nrefcnt=%" PRIdPTR, (void *)o, name, o->rf_refcnt);
    if (RF_INT_CHECK(o))
        fprintf(out, "\\nvalue=%ld", ((rf_int *)o)->value);
    if (RF_STR_CHECK(o)) {
        fputs("\\nvalue=\\\"", out);
        write_escaped(out, ((rf_str *)o)->data, ((rf_str *)o)->len, 40);
        fputs("\\\"", out);
    }
    fprintf(out, "\", %s];\n", rf_is_tracked(o) ? RF_STYLE_TRACED : RF_STYLE_UNTRACED);
}

typedef struct dot_edge_ctx {
    FILE *out;
    rf_object *from;
} dot_edge_ctx;

static int dot_visit(rf_object *child, void *arg)
{
    dot_edge_ctx *ctx = arg;
    if (child != NULL)
        fprintf(ctx->out, "  \"%p\" -> \"%p\";\n", (void *)ctx->from, (void *)child);
    return 0;
}

static void dot_edges(rf_object *o, void *arg)
{
    if (o->rf_type->traverse == NULL)
        return;
    dot_edge_ctx ctx = {arg, o};
    o->rf_type->traverse(o, dot_visit, &ctx);
}

/* The legend of refflow's pictures (graph_style.h) for the two kinds of
 * object, written only when there is an object to explain. */
static void dot_legend(FILE *out)
{
    if (rf_rt.nlive == 0)
        return;
    fputs("  subgraph cluster_legend {\n    label=\"legend\"; style=\"rounded\"; "
          "color=\"#bdbdbd\"; fontsize=9;\n"
          "    legend_traced [" RF_STYLE_TRACED ", fontsize=9, "
          "label=\"tracked: the collector traverses it\"];\n"
          "    legend_untraced [" RF_STYLE_UNTRACED ", fontsize=9, "
          "label=\"untracked: refcount only\"];\n  }\n",
          out);
}

int rf_heap_dump_dot(FILE *out)
{
    fputs("digraph rf_heap {\n  graph [" RF_STYLE_GRAPH ", label=\"live heap (rf_heap_dump_dot)\", "
          "labelloc=t];\n  node [" RF_STYLE_NODE "];\n  edge [" RF_STYLE_EDGE ", " RF_STYLE_EDGE_OWNED
          "];\n",
          out);
    foreach_object(dot_node, out);
    foreach_object(dot_edges, out);
    dot_legend(out);
    fputs("}\n", out);
    return ferror(out) ? -1 : 0;
}

/* --- live report --- */

static void report_one(rf_object *o, void *arg)
{
    FILE *out = arg;
    fprintf(out, "  %s %p refcnt=%" PRIdPTR "\n", o->rf_type->name ? o->rf_type->name : "?",
            (void *)o, o->rf_refcnt);
}

long rf_heap_report_live(FILE *out)
{
    foreach_object(report_one, out);
    return (long)rf_rt.nlive;
}

/* --- invariant walker --- */

static int type_registered(const rf_type *type)
{
    for (const rf_type *t = rf_rt.types; t != NULL; t = t->rf_next_type)
        if (t == type)
            return 1;
    return 0;
}

/* Checks one list (gen: its generation, for tracked lists); returns the
 * number of problems, adds its length to *count and the number of its
 * objects in small blocks (with a word in a page's gc-state table) to
 * *small_tracked. */
static long check_ring(rf_link *head, int tracked, int gen, const char *what, size_t *count,
                       size_t *small_tracked)
{
    FILE *err = rf_debug_stream_();
    long problems = 0;
    for (rf_link *l = head->next; l != head; l = l->next) {
        rf_object *o = rf_object_of(l);
        (*count)++;
        if (l->next->prev != l || l->prev->next != l) {
            fprintf(err, "rf: heap check: broken links at %p on the %s list\n", (void *)o, what);
            return problems + 1; /* cannot walk further safely */
        }
        if (o->rf_type == NULL || !type_registered(o->rf_type)) {
            fprintf(err, "rf: heap check: object %p on the %s list has an unknown type\n",
                    (void *)o, what);
            problems++;
            continue;
        }
        if (o->rf_refcnt < 1) {
            fprintf(err, "rf: heap check: %s object %p has refcount %" PRIdPTR "\n",
                    o->rf_type->name, (void *)o, o->rf_refcnt);
            problems++;
        }
        if (rf_is_tracked(o) != tracked) {
            fprintf(err, "rf: heap check: %s object %p is on the %s list\n", o->rf_type->name,
                    (void *)o, what);
            problems++;
        } else if (tracked && *rf_gc_state_of(o) != rf_gcs_gen_(gen)) {
            fprintf(err, "rf: heap check: %s object %p on the %s list has gc state %#x\n",
                    o->rf_type->name, (void *)o, what, (unsigned)*rf_gc_state_of(o));
            problems++;
        }
        if (tracked && rf_mem_is_small_((uintptr_t)l))
            (*small_tracked)++;
    }
    return problems;
}

static long check_type_counts(void)
{
    size_t sum = 0;
    for (rf_type *t = rf_rt.types; t != NULL; t = t->rf_next_type)
        sum += t->rf_nlive;
    if (sum == rf_rt.nlive)
        return 0;
    fprintf(rf_debug_stream_(), "rf: heap check: per-type counts sum to %zu, live count is %zu\n",
            sum, rf_rt.nlive);
    return 1;
}

long rf_debug_check_heap(void)
{
    static const char *const names[RF_GC_GENERATIONS] = {"generation 0", "generation 1",
                                                         "generation 2"};
    rf_runtime_init_();
    size_t count = 0, small_tracked = 0;
    long problems = check_ring(&rf_rt.untracked, 0, 0, "untracked", &count, &small_tracked);
    for (int g = 0; g < RF_GC_GENERATIONS; g++)
        problems += check_ring(&rf_rt.gen[g], 1, g, names[g], &count, &small_tracked);
    size_t words = rf_mem_gc_state_count_();
    if (words != small_tracked) {
        fprintf(rf_debug_stream_(), "rf: heap check: %zu gc-state table words are set, "
                "%zu small tracked objects live\n", words, small_tracked);
        problems++;
    }
    if (count != rf_rt.nlive) {
        fprintf(rf_debug_stream_(), "rf: heap check: %zu objects on the lists, live count is %zu\n",
                count, rf_rt.nlive);
        problems++;
    }
    return problems + check_type_counts();
}
