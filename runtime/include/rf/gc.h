/* rf/gc.h: the generational tracing cycle collector.
 *
 * Assumes: single-threaded use; objects of GC types (traverse != NULL)
 * report every owned reference through traverse and drop them in clear.
 *
 * Invariants:
 * - Every tracked object is in exactly one generation (0 young .. 2 old)
 *   while it lives; rf_new puts it in generation 0, survivors of a
 *   collection of generation g move to g + 1 (generation 2 keeps its own),
 *   except that an automatic generation-0 collection moves them straight
 *   to generation 2 while the previous one freed under 1/8 of what it
 *   examined (a heap being built); they count as promoted for the
 *   full-collection schedule below.
 * - A collection of generation g examines generations 0..g only; older
 *   objects are treated as roots, so a young collection costs time
 *   proportional to the young objects and their references.
 * - Automatic collections run from rf_new of a tracked type when the
 *   generation 0 count exceeds threshold 0 (and older ones after enough
 *   younger collections); a full collection additionally waits until the
 *   objects promoted to generation 2 since the last full collection are as
 *   many as the long-lived ones (the old heap doubled), so the cost per
 *   allocation stays bounded as the heap grows. Nothing is collected while disabled or while a collection
 *   runs.
 * - Garbage is destroyed by calling clear on each unreachable object while
 *   the collector holds one extra reference to all of them, then dropping
 *   those references; so a clear or dealloc may touch other garbage safely.
 */
#ifndef RF_GC_H
#define RF_GC_H

#include <stddef.h>

#define RF_GC_GENERATIONS 3

/* Collects every generation; returns the number of tracked objects it
 * freed. */
long rf_gc_collect(void);
/* Collects generations 0..gen (clamped to 0..2); same result. */
long rf_gc_collect_generation(int gen);
void rf_gc_enable(void);
void rf_gc_disable(void);
/* 1 if automatic collection is enabled. */
int rf_gc_is_enabled(void);
/* Sets the thresholds (CPython's meaning): t0 tracked allocations minus
 * deallocations before a generation 0 collection (0 disables automatic
 * collection), t1 generation 0 collections per generation 1 collection, t2
 * generation 1 collections per full collection. 0 on success, -1 with
 * RF_ERR_VALUE if one is negative. */
int rf_gc_set_threshold(long t0, long t1, long t2);

/* A snapshot of the collector's counters, filled by rf_gc_stats. */
typedef struct rf_gc_info {
    long threshold[RF_GC_GENERATIONS];
    long count[RF_GC_GENERATIONS];       /* the counters compared with them */
    size_t objects[RF_GC_GENERATIONS];   /* tracked objects in each generation */
    size_t collections[RF_GC_GENERATIONS]; /* collections run, by oldest generation */
    size_t collected[RF_GC_GENERATIONS]; /* objects freed, by oldest generation */
    size_t long_lived_total;   /* objects in gen 2 after the last full collection */
    size_t long_lived_pending; /* objects moved into gen 2 since then */
    size_t last_examined;      /* tracked objects in the last collection's set */
    size_t promoted_direct;    /* survivors of automatic gen-0 collections moved
                                  straight to gen 2 (a heap being built) */
    int enabled;
} rf_gc_info;
void rf_gc_stats(rf_gc_info *out);

#endif
