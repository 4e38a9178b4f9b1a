/* gc_impl.h: one collector under test, as seen by the collector tables (2, 3 and 4).
 *
 * Two implementations: refflow's runtime (gc_rf.c, or gc_rf_missing.c while the runtime
 * is not built) and CPython 3.11's gc through an embedded interpreter (gc_py.c). Both build
 * the same shapes out of their list type (a list holding references), so "one object" is
 * one list on both sides. Every function does ONE timed run; the caller repeats and keeps
 * the minimum. Building and tearing down a shape are never timed.
 * Functions return 0 on success, -1 when the implementation cannot run that measurement.
 */
#ifndef BENCH_GC_IMPL_H
#define BENCH_GC_IMPL_H

#include <stddef.h>
#include <stdint.h>

enum {
    SHAPE_PAIRS, /* n objects as n/2 garbage 2-cycles a <-> b, external refs dropped */
    SHAPE_RING,  /* one garbage ring of n objects */
    SHAPE_LIVE,  /* n live tracked objects held by one container, nothing garbage */
    SHAPE_COUNT
};

typedef struct bench_gc_impl {
    const char *name;
    const char *object_desc;  /* what one object is */
    const char *why_missing;  /* non-NULL: this collector is not available */
    int isolate;              /* run each measurement in a forked child (crash-proof) */
    /* Builds `shape` of n objects, times one full collection into *ns and the collector's
     * count of freed objects into *freed, then tears the shape down. */
    int (*collect_shape)(int shape, size_t n, uint64_t *ns, long *freed);
    /* Makes n_old live objects old (they survived a collection), then creates n_young
     * young garbage objects (2-cycles) and times one young-generation collection. */
    int (*young)(size_t n_old, size_t n_young, uint64_t *ns, long *freed);
    /* Times building n live tracked objects (lists appended to one container list) with
     * automatic collection enabled (auto_gc = 1, default thresholds) or disabled. */
    int (*build_live)(size_t n, int auto_gc, uint64_t *ns);
} bench_gc_impl;

/* An implementation may leave one line about its last measurement here (e.g. how many
 * collections ran); gc_section.c clears it before each measurement and prints it. */
extern char bench_gc_note[200];

const bench_gc_impl *bench_gc_rf(void);
const bench_gc_impl *bench_gc_cpython(void);

#endif
