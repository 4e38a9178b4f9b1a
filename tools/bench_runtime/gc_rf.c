/* gc_rf.c: refflow's cycle collector as a bench_gc_impl (see gc_impl.h).
 *
 * Shapes are made of rf_list objects (rf_list_new / rf_list_append), mirroring the Python
 * lists of gc_py.c. Every measurement switches automatic collection off while it builds
 * (except build_live with auto_gc), so only the timed collection does collector work.
 * Assumes <rf.h> as of the runtime's public API; measurements run in forked children
 * (isolate = 1), so they may leave the runtime in any state.
 */
#include "bench.h"
#include "gc_impl.h"

#include <rf.h>
#include <stdio.h>

/* Reports an rf failure on stderr; returns -1 for the caller to pass on. */
static int fail(const char *what)
{
    fprintf(stderr, "bench_runtime: refflow %s failed: %s (%s)\n", what,
            rf_error_message(), rf_error_name(rf_error()));
    return -1;
}

/* Appends both ways and drops the caller's references: a garbage 2-cycle. */
static int make_pair(void)
{
    rf_object *a = rf_list_new(), *b = rf_list_new();
    int rc = a && b && rf_list_append(a, b) == 0 && rf_list_append(b, a) == 0 ? 0 : -1;
    RF_XDECREF(a);
    RF_XDECREF(b);
    return rc;
}

static int build_pairs(size_t n)
{
    for (size_t i = 0; i < n / 2; i++)
        if (make_pair() != 0)
            return fail("building 2-cycles");
    return 0;
}

/* One ring of n lists; no reference to it is left outside the ring. */
static int build_ring(size_t n)
{
    rf_object *first = rf_list_new(), *prev = first;
    int rc = first ? 0 : -1;
    for (size_t i = 1; i < n && rc == 0; i++) {
        rf_object *cur = rf_list_new();
        rc = cur && rf_list_append(prev, cur) == 0 ? 0 : -1;
        if (prev != first)
            RF_DECREF(prev);
        prev = cur;
    }
    if (rc == 0)
        rc = rf_list_append(prev, first);
    if (prev && prev != first)
        RF_DECREF(prev);
    RF_XDECREF(first);
    return rc == 0 ? 0 : fail("building the ring");
}

/* A container holding n - 1 empty lists: n live tracked objects. NULL on failure. */
static rf_object *build_live(size_t n)
{
    rf_object *keep = rf_list_new();
    for (size_t i = 1; keep && i < n; i++) {
        rf_object *item = rf_list_new();
        int rc = item ? rf_list_append(keep, item) : -1;
        RF_XDECREF(item);
        if (rc != 0)
            RF_CLEAR(keep);
    }
    if (!keep)
        fail("building live objects");
    return keep;
}

/* Untimed setup of every measurement: no automatic collection, no garbage left, and no
 * empty segments cached from earlier work (their delayed unmapping would otherwise land
 * in whatever timed operation next empties a segment). */
static void quiet_heap(void)
{
    rf_gc_disable();
    rf_gc_collect();
    rf_mem_trim();
}

static int collect_shape(int shape, size_t n, uint64_t *ns, long *freed)
{
    rf_object *keep = NULL;
    uint64_t t0;
    quiet_heap();
    if (shape == SHAPE_PAIRS && build_pairs(n) != 0)
        return -1;
    if (shape == SHAPE_RING && build_ring(n) != 0)
        return -1;
    if (shape == SHAPE_LIVE && !(keep = build_live(n)))
        return -1;
    t0 = bench_now_ns();
    *freed = rf_gc_collect();
    *ns = bench_now_ns() - t0;
    RF_XDECREF(keep);
    return 0;
}

static int young(size_t n_old, size_t n_young, uint64_t *ns, long *freed)
{
    rf_object *old = NULL;
    rf_gc_info info;
    uint64_t t0;
    quiet_heap();
    if (n_old && !(old = build_live(n_old)))
        return -1;
    rf_gc_collect(); /* the old objects survive a full collection: now generation 2 */
    if (build_pairs(n_young) != 0)
        return -1;
    t0 = bench_now_ns();
    *freed = rf_gc_collect_generation(0);
    *ns = bench_now_ns() - t0;
    rf_gc_stats(&info);
    snprintf(bench_gc_note, sizeof bench_gc_note,
             "refflow after setup: %zu objects in gen 2, %ld freed by the young collection",
             info.objects[2], *freed);
    RF_XDECREF(old);
    return 0;
}

static void note_collections(const rf_gc_info *before, const rf_gc_info *after)
{
    snprintf(bench_gc_note, sizeof bench_gc_note,
             "refflow thresholds %ld/%ld/%ld; collections during the GC-on build: "
             "gen0 %zu, gen1 %zu, gen2 %zu",
             before->threshold[0], before->threshold[1], before->threshold[2],
             after->collections[0] - before->collections[0],
             after->collections[1] - before->collections[1],
             after->collections[2] - before->collections[2]);
}

static int build_live_timed(size_t n, int auto_gc, uint64_t *ns)
{
    rf_object *keep;
    rf_gc_info before, after;
    uint64_t t0;
    int rc;
    quiet_heap();
    keep = build_live(n); /* pre-warm: the timed build reuses this memory, no page faults */
    RF_XDECREF(keep);
    if (auto_gc)
        rf_gc_enable();
    rf_gc_stats(&before);
    t0 = bench_now_ns();
    keep = build_live(n);
    *ns = bench_now_ns() - t0;
    rf_gc_stats(&after);
    rf_gc_disable();
    if (auto_gc)
        note_collections(&before, &after);
    rc = keep ? 0 : -1;
    RF_XDECREF(keep);
    return rc;
}

static const bench_gc_impl refflow = {
    .name = "refflow",
    .object_desc = "rf_list (rf_list_new/rf_list_append from C)",
    .isolate = 1,
    .collect_shape = collect_shape,
    .young = young,
    .build_live = build_live_timed,
};

const bench_gc_impl *bench_gc_rf(void)
{
    return &refflow;
}
