/* test_gc.c: the cycle collector: 2-cycles, rings, self-cycles, cycles
 * through lists and maps, survivors reachable from outside, garbage that
 * refers to live objects, clear/dealloc that touch other garbage,
 * generations, automatic collection and thresholds, the long-lived
 * heuristic, and the direct promotion of a heap being built (which must
 * still collect the cycles made meanwhile). Built twice: against rf and against rf_debug (where freed
 * memory is poisoned, so touching freed garbage shows up).
 */
#include "rt_test.h"

#define PAIR_MAGIC 0x5eedf00dL

/* A node with one owned reference (`other`) and a tag. Its clear and its
 * dealloc both read the node they point to, which is garbage too. */
typedef struct pair {
    RF_OBJECT_HEAD
    rf_object *other;
    long magic;
} pair;

static long peer_problems;
static long pair_deallocs;

static void check_peer(rf_object *self)
{
    pair *p = (pair *)self;
    if (p->other != NULL && RF_TYPE(p->other) == RF_TYPE(self)) {
        pair *q = (pair *)p->other;
        if (q->magic != PAIR_MAGIC || RF_REFCNT(q) < 1)
            peer_problems++;
    }
}

static int pair_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    pair *p = (pair *)self;
    return p->other != NULL ? visit(p->other, arg) : 0;
}

static void pair_clear(rf_object *self)
{
    check_peer(self);
    RF_CLEAR(((pair *)self)->other);
}

static void pair_dealloc(rf_object *self)
{
    check_peer(self);
    pair_deallocs++;
    RF_CLEAR(((pair *)self)->other);
    ((pair *)self)->magic = 0;
}

static rf_type pair_type = {
    .name = "pair",
    .size = sizeof(pair),
    .dealloc = pair_dealloc,
    .traverse = pair_traverse,
    .clear = pair_clear,
    .flags = RF_TPFLAGS_GC,
};

static rf_object *pair_new(void)
{
    rf_object *o = rf_new(&pair_type);
    if (o != NULL)
        ((pair *)o)->magic = PAIR_MAGIC;
    return o;
}

/* p->other = target (a new reference for p). */
static void pair_point(rf_object *p, rf_object *target)
{
    RF_XINCREF(target);
    RF_XDECREF(((pair *)p)->other);
    ((pair *)p)->other = target;
}

static void test_two_cycle(void)
{
    rf_object *a = rf_list_new(), *b = rf_list_new();
    CHECK_EQ(rf_list_append(a, b), 0);
    CHECK_EQ(rf_list_append(b, a), 0);
    RF_DECREF(a);
    RF_DECREF(b);
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 2);
    CHECK_EQ(rf_gc_collect(), 2);
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 0);
    CHECK_EQ(rf_gc_collect(), 0);
}

static void test_ring(void)
{
    enum { N = 5000 };
    rf_object *first = pair_new(), *prev = first;
    RF_INCREF(prev);
    for (int i = 1; i < N; i++) {
        rf_object *p = pair_new();
        pair_point(prev, p);
        RF_DECREF(prev);
        prev = p;
    }
    pair_point(prev, first);
    RF_DECREF(prev);
    RF_DECREF(first);
    CHECK_EQ(rf_heap_count_type(&pair_type), N);
    peer_problems = 0;
    CHECK_EQ(rf_gc_collect(), N);
    CHECK_EQ(rf_heap_count_type(&pair_type), 0);
    CHECK_EQ(peer_problems, 0);
}

static void test_self_cycle(void)
{
    rf_object *p = pair_new();
    pair_point(p, p);
    RF_DECREF(p);
    CHECK_EQ(rf_heap_count_type(&pair_type), 1);
    CHECK_EQ(rf_gc_collect(), 1);
    CHECK_EQ(rf_heap_count_type(&pair_type), 0);
}

/* map -> list -> pair -> map, with ints and strs hanging off them */
static void test_cycle_through_containers(void)
{
    rf_object *m = rf_map_new(), *l = rf_list_new(), *p = pair_new();
    rf_object *k = rf_str_new("k"), *i = rf_int_new(3);
    CHECK_EQ(rf_map_set(m, k, l), 0);
    CHECK_EQ(rf_list_append(l, i), 0);
    CHECK_EQ(rf_list_append(l, p), 0);
    pair_point(p, m);
    RF_DECREF(k);
    RF_DECREF(i);
    RF_DECREF(m);
    RF_DECREF(l);
    RF_DECREF(p);
    CHECK_EQ(rf_heap_count(), 5);
    CHECK_EQ(rf_gc_collect(), 3); /* tracked ones; the int and str go too */
    CHECK_EQ(rf_heap_count(), 0);
}

static void test_reachable_from_outside_survives(void)
{
    rf_object *a = rf_list_new(), *b = rf_list_new();
    CHECK_EQ(rf_list_append(a, b), 0);
    CHECK_EQ(rf_list_append(b, a), 0);
    RF_DECREF(b); /* b is kept alive by a, which we still own */
    CHECK_EQ(rf_gc_collect(), 0);
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 2);
    CHECK(rf_list_get(a, 0) == b && rf_list_get(b, 0) == a);
    CHECK_EQ(RF_REFCNT(a), 2);
    CHECK_EQ(RF_REFCNT(b), 1);
    RF_DECREF(a);
    CHECK_EQ(rf_gc_collect(), 2);
}

static void test_garbage_referring_to_live_objects(void)
{
    rf_object *live = rf_list_new();
    rf_object *x = rf_list_new(), *y = rf_list_new();
    CHECK_EQ(rf_list_append(x, y), 0);
    CHECK_EQ(rf_list_append(y, x), 0);
    CHECK_EQ(rf_list_append(x, live), 0);
    CHECK_EQ(rf_list_append(y, live), 0);
    RF_DECREF(x);
    RF_DECREF(y);
    CHECK_EQ(RF_REFCNT(live), 3);
    CHECK_EQ(rf_gc_collect(), 2);
    CHECK_EQ(RF_REFCNT(live), 1);
    CHECK_EQ(rf_list_len(live), 0);
    RF_DECREF(live);
}

/* Two pairs pointing at each other: each one's clear and dealloc read the
 * other (check_peer), which must still be alive then. */
static void test_clear_touching_other_garbage(void)
{
    for (int round = 0; round < 100; round++) {
        rf_object *a = pair_new(), *b = pair_new(), *c = pair_new();
        pair_point(a, b);
        pair_point(b, c);
        pair_point(c, a);
        RF_DECREF(a);
        RF_DECREF(b);
        RF_DECREF(c);
    }
    peer_problems = 0;
    long before = pair_deallocs;
    CHECK_EQ(rf_gc_collect(), 300);
    CHECK_EQ(pair_deallocs - before, 300);
    CHECK_EQ(peer_problems, 0);
}

static void test_generations(void)
{
    rf_gc_info gi;
    rf_gc_collect();
    rf_object *a = rf_list_new(), *b = rf_list_new();
    CHECK_EQ(rf_list_append(a, b), 0);
    CHECK_EQ(rf_list_append(b, a), 0);
    rf_gc_stats(&gi);
    CHECK_EQ(gi.objects[0], 2);
    CHECK_EQ(rf_gc_collect_generation(0), 0); /* still ours: survives, moves to gen 1 */
    rf_gc_stats(&gi);
    CHECK_EQ(gi.objects[0], 0);
    CHECK_EQ(gi.objects[1], 2);
    RF_DECREF(a);
    RF_DECREF(b);
    CHECK_EQ(rf_gc_collect_generation(0), 0); /* the garbage is in gen 1 now */
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 2);
    CHECK_EQ(rf_gc_collect_generation(1), 2);
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 0);
}

/* A young collection's set is the young objects only, whatever lives in
 * the old generation. */
static void test_young_collection_ignores_old_objects(void)
{
    enum { OLD = 100000 };
    rf_gc_disable();
    rf_object *keep = rf_list_new();
    for (int i = 0; i < OLD; i++) {
        rf_object *l = rf_list_new();
        CHECK_EQ(rf_list_append(keep, l), 0);
        RF_DECREF(l);
    }
    rf_gc_collect(); /* all of them to gen 2 */
    rf_object *young = rf_list_new();
    CHECK_EQ(rf_list_append(young, keep), 0); /* young -> old reference */
    CHECK_EQ(rf_gc_collect_generation(0), 0);
    rf_gc_info gi;
    rf_gc_stats(&gi);
    CHECK_EQ(gi.last_examined, 1);
    CHECK_EQ(gi.objects[2], OLD + 1);
    RF_DECREF(young);
    RF_DECREF(keep);
    rf_gc_enable();
}

static void test_automatic_collection(void)
{
    rf_gc_info before, after;
    CHECK_EQ(rf_gc_set_threshold(100, 10, 10), 0);
    rf_gc_stats(&before);
    CHECK_EQ(before.threshold[0], 100);
    for (int i = 0; i < 5000; i++) { /* garbage 2-cycles, never collected by hand */
        rf_object *a = rf_list_new(), *b = rf_list_new();
        CHECK_EQ(rf_list_append(a, b), 0);
        CHECK_EQ(rf_list_append(b, a), 0);
        RF_DECREF(a);
        RF_DECREF(b);
    }
    rf_gc_stats(&after);
    CHECK(after.collections[0] > before.collections[0]);
    CHECK(rf_heap_count_type(&rf_list_type) < 2200); /* at most ~gen0 + gen1 worth */
    rf_gc_collect();
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 0);

    rf_gc_disable();
    CHECK_EQ(rf_gc_is_enabled(), 0);
    rf_gc_stats(&before);
    for (int i = 0; i < 1000; i++) {
        rf_object *a = rf_list_new();
        CHECK_EQ(rf_list_append(a, a), 0);
        RF_DECREF(a);
    }
    rf_gc_stats(&after);
    CHECK_EQ(after.collections[0], before.collections[0]);
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 1000);
    rf_gc_enable();
    CHECK_EQ(rf_gc_collect(), 1000);

    CHECK_EQ(rf_gc_set_threshold(0, 10, 10), 0); /* 0: no automatic collection */
    rf_object *a = rf_list_new();
    for (int i = 0; i < 1000; i++) {
        rf_object *b = rf_list_new();
        CHECK_EQ(rf_list_append(a, b), 0);
        RF_DECREF(b);
    }
    rf_gc_stats(&after);
    CHECK_EQ(after.collections[0], before.collections[0]);
    RF_DECREF(a);
    rf_error_clear();
    CHECK_EQ(rf_gc_set_threshold(-1, 10, 10), -1);
    CHECK_EQ(rf_error(), RF_ERR_VALUE);
    rf_error_clear();
    CHECK_EQ(rf_gc_set_threshold(2000, 10, 10), 0);
}

/* Building a million live objects: full collections stay rare (the
 * long-lived heuristic), so the work is linear, not quadratic. */
static void test_long_lived_heuristic(void)
{
    enum { N = 1000000 };
    rf_gc_info before, after;
    rf_gc_stats(&before);
    rf_object *keep = rf_list_new();
    for (int i = 0; i < N; i++) {
        rf_object *l = rf_list_new();
        CHECK_EQ(rf_list_append(keep, l), 0);
        RF_DECREF(l);
    }
    rf_gc_stats(&after);
    size_t full = after.collections[2] - before.collections[2];
    CHECK(after.collections[0] > before.collections[0]);
    CHECK(full >= 1);
    CHECK(full <= 25);
    RF_DECREF(keep);
}

/* A young collection whose objects all have references from outside
 * (no count reaches 0) keeps them all without the reachability walk; one
 * where some object is referenced only from inside the set takes the full
 * walk. Both must move exactly the survivors to generation 1. */
static void test_young_all_referenced_from_outside(void)
{
    enum { N = 50 };
    rf_object *ext[N];
    rf_gc_info gi;
    rf_gc_disable();
    rf_gc_collect();
    for (int i = 0; i < N; i++) { /* a chain, every link also held by ext[] */
        ext[i] = rf_list_new();
        if (i > 0)
            CHECK_EQ(rf_list_append(ext[i - 1], ext[i]), 0);
    }
    CHECK_EQ(rf_gc_collect_generation(0), 0);
    rf_gc_stats(&gi);
    CHECK_EQ(gi.last_examined, N);
    CHECK_EQ(gi.objects[0], 0);
    CHECK_EQ(gi.objects[1], N);
    /* now only the head is held: the others are reachable only from
     * inside generation 0..1; a dropped 2-cycle in the same set is freed */
    for (int i = 1; i < N; i++)
        RF_DECREF(ext[i]);
    rf_object *a = rf_list_new(), *b = rf_list_new();
    CHECK_EQ(rf_list_append(a, b), 0);
    CHECK_EQ(rf_list_append(b, a), 0);
    RF_DECREF(a);
    RF_DECREF(b);
    CHECK_EQ(rf_gc_collect_generation(1), 2);
    rf_gc_stats(&gi);
    CHECK_EQ(gi.objects[2], N);
    CHECK_EQ(rf_list_len(ext[0]), 1);
    RF_DECREF(ext[0]);
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 0);
    rf_gc_enable();
}

/* A 2-cycle of pairs; returns a new reference to one of them (the cycle is
 * garbage once it is dropped). */
static rf_object *pair_cycle(void)
{
    rf_object *a = pair_new(), *b = pair_new();
    pair_point(a, b);
    pair_point(b, a);
    RF_DECREF(b);
    return a;
}

enum { BUILD_N = 400000, HELD_SLOTS = 100 };
static rf_object *held[HELD_SLOTS];

/* Builds n live lists into keep with automatic collection on; every 100th
 * step also drops a garbage 2-cycle at once, and every 50th replaces one of
 * the HELD_SLOTS held cycles (so each is alive for 5000 steps, through
 * young collections, and dies afterwards). Returns the pairs made. */
static size_t build_with_cycles(rf_object *keep, int n)
{
    size_t made = 0;
    for (int i = 0; i < n; i++) {
        rf_object *l = rf_list_new();
        CHECK_EQ(rf_list_append(keep, l), 0);
        RF_DECREF(l);
        if (i % 100 == 0) {
            RF_DECREF(pair_cycle());
            made += 2;
        }
        if (i % 50 == 0) {
            rf_object **slot = &held[(i / 50) % HELD_SLOTS];
            RF_XDECREF(*slot);
            *slot = pair_cycle();
            made += 2;
        }
    }
    return made;
}

/* While a live heap is built, young collections free almost nothing, so
 * their survivors go straight to generation 2. Garbage cycles made
 * meanwhile must still be freed automatically: those already garbage at a
 * young collection by it, those that die after their promotion by the full
 * collections the long-lived schedule triggers. Fails if automatic
 * collection never runs (every pair would still be alive) or never
 * reaches generation 2 (the held cycles would pile up). */
static void test_build_phase_still_collects_cycles(void)
{
    rf_gc_info before, after;
    CHECK_EQ(rf_gc_set_threshold(2000, 10, 10), 0);
    rf_gc_enable();
    rf_gc_collect();
    rf_gc_stats(&before);
    rf_object *keep = rf_list_new();
    size_t made = build_with_cycles(keep, BUILD_N);
    rf_gc_stats(&after);
    CHECK(after.promoted_direct > before.promoted_direct);
    CHECK(after.collections[2] > before.collections[2]);
    CHECK(after.collected[0] > before.collected[0]);
    CHECK(after.collected[2] > before.collected[2]);
    /* alive: the held cycles, garbage since the last young collection, and
     * held cycles dropped since the last full one (under half of the run) */
    CHECK(rf_heap_count_type(&pair_type) < made / 2);
    for (int k = 0; k < HELD_SLOTS; k++)
        RF_CLEAR(held[k]);
    RF_DECREF(keep);
    rf_gc_collect();
    CHECK_EQ(rf_heap_count_type(&pair_type), 0);
}

/* Once young collections find garbage again, their survivors go to
 * generation 1 as usual; explicit young collections always do. */
static void test_direct_promotion_stops_with_garbage(void)
{
    rf_gc_info mid, after, gi;
    CHECK_EQ(rf_gc_set_threshold(2000, 10, 10), 0);
    rf_gc_enable();
    rf_object *keep = rf_list_new();
    build_with_cycles(keep, 50000); /* a build phase: promotes directly */
    for (int k = 0; k < HELD_SLOTS; k++)
        RF_CLEAR(held[k]);
    rf_gc_stats(&mid);
    for (int i = 0; i < 40000; i++) { /* 95% garbage, 4000 survivors */
        RF_DECREF(pair_cycle());
        if (i % 10 == 0) {
            rf_object *l = rf_list_new();
            CHECK_EQ(rf_list_append(keep, l), 0);
            RF_DECREF(l);
        }
    }
    rf_gc_stats(&after);
    CHECK(after.collections[0] - mid.collections[0] >= 10);
    /* only the first collection of this phase still promotes directly: the
     * survivors it found (at most ~2000 + 1 built before the phase, and a
     * few new ones), not the 4000 made during the phase */
    CHECK(after.promoted_direct - mid.promoted_direct < 2200);
    rf_gc_disable();
    rf_gc_collect();
    rf_object *a = rf_list_new(), *b = rf_list_new();
    CHECK_EQ(rf_gc_collect_generation(0), 0);
    rf_gc_stats(&gi);
    CHECK_EQ(gi.objects[1], 2);
    RF_DECREF(a);
    RF_DECREF(b);
    RF_DECREF(keep);
    rf_gc_enable();
    rf_gc_collect();
}

int main(void)
{
    rf_init();
    RT_RUN(test_two_cycle);
    RT_RUN(test_ring);
    RT_RUN(test_self_cycle);
    RT_RUN(test_cycle_through_containers);
    RT_RUN(test_reachable_from_outside_survives);
    RT_RUN(test_garbage_referring_to_live_objects);
    RT_RUN(test_clear_touching_other_garbage);
    RT_RUN(test_generations);
    RT_RUN(test_young_collection_ignores_old_objects);
    RT_RUN(test_automatic_collection);
    RT_RUN(test_long_lived_heuristic);
    RT_RUN(test_young_all_referenced_from_outside);
    RT_RUN(test_build_phase_still_collects_cycles);
    RT_RUN(test_direct_promotion_stops_with_garbage);
    return rt_finish();
}
