/* test_gc_table.c: the collector's per-page state tables and its heap-walk
 * full collection: tracked objects of every size class (and big ones, on
 * their own list) mixed with untracked objects and raw blocks over many
 * pages and segments, freed in random order and collected by young and
 * full collections; objects freed, and allocated, while a collection
 * deletes garbage; a collection run from a destructor while the trashcan
 * holds queued objects; a mark phase wider than the collector's fixed
 * stack (and, in the debug build, with its growth refused); and refcounts
 * too big for the state word's count. rt_finish's heap check compares
 * the number of non-zero table words with the live tracked objects.
 * Built twice: against rf and rf_debug.
 */
#include "rt_test.h"

/* A tracked node of variable size: `extra` bytes of payload after its two
 * references, so nodes land in every size class, and past the small
 * limit. */
typedef struct node {
    RF_OBJECT_HEAD
    rf_object *a, *b;
    long tag;
    unsigned char payload[];
} node;

static long node_clears;

static int node_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    node *n = (node *)self;
    if (n->a != NULL && visit(n->a, arg) != 0)
        return 1;
    return n->b != NULL ? visit(n->b, arg) : 0;
}

static void node_clear(rf_object *self)
{
    node_clears++;
    RF_CLEAR(((node *)self)->a);
    RF_CLEAR(((node *)self)->b);
}

#define NODE_TYPES 8
static rf_type node_types[NODE_TYPES];
static const size_t node_extra[NODE_TYPES] = {0, 8, 40, 100, 300, 700, 1100, 5000};

static void setup_types(void)
{
    static const char *const names[NODE_TYPES] = {"n0", "n8", "n40", "n100",
                                                  "n300", "n700", "n1100", "n5000"};
    for (int i = 0; i < NODE_TYPES; i++) {
        node_types[i].name = names[i];
        node_types[i].size = sizeof(node) + node_extra[i];
        node_types[i].traverse = node_traverse;
        node_types[i].clear = node_clear;
    }
}

static rf_object *node_new(int kind)
{
    rf_object *o = rf_new(&node_types[kind]);
    CHECK(o != NULL);
    ((node *)o)->tag = kind;
    return o;
}

/* n->a = target (a new reference). */
static void point_a(rf_object *n, rf_object *target)
{
    RF_XINCREF(target);
    RF_XDECREF(((node *)n)->a);
    ((node *)n)->a = target;
}

static void point_b(rf_object *n, rf_object *target)
{
    RF_XINCREF(target);
    RF_XDECREF(((node *)n)->b);
    ((node *)n)->b = target;
}

static size_t tracked_count(void)
{
    rf_gc_info gi;
    rf_gc_stats(&gi);
    return gi.objects[0] + gi.objects[1] + gi.objects[2];
}

/* Many pages of every class: tracked nodes (half in garbage 2-cycles, half
 * kept) interleaved with ints, strs and raw blocks of the same sizes, freed
 * in random order; each step checks the tables against the lists. */
static void test_mixed_pages(void)
{
    enum { N = 30000 };
    static rf_object *keep[N];
    static void *raw[N];
    rf_gc_disable();
    size_t cycles = 0;
    for (int i = 0; i < N; i++) {
        int kind = (int)(rt_rng() % NODE_TYPES);
        keep[i] = node_new(kind);
        raw[i] = rf_mem_alloc(sizeof(node) + node_extra[kind] + 16);
        if (i % 2 == 0) {
            rf_object *x = node_new((int)(rt_rng() % NODE_TYPES));
            rf_object *y = node_new((int)(rt_rng() % NODE_TYPES));
            rf_object *v = (i % 4 == 0) ? rf_int_new(i) : rf_str_new("untracked");
            point_a(x, y);
            point_a(y, x);
            point_b(x, v); /* garbage holding an untracked object */
            point_b(keep[i], v);
            RF_DECREF(v);
            RF_DECREF(x);
            RF_DECREF(y);
            cycles++;
        }
    }
    CHECK_EQ(rf_debug_check_heap(), 0);
    CHECK_EQ(tracked_count(), N + 2 * cycles);
    for (int i = 0; i < N; i++) { /* random-order frees of half the kept ones */
        int j = (int)(rt_rng() % N);
        RF_CLEAR(keep[j]);
        rf_mem_free(raw[j]);
        raw[j] = NULL;
    }
    CHECK_EQ(rf_debug_check_heap(), 0);
    CHECK_EQ(rf_gc_collect_generation(0), 2 * (long)cycles);
    CHECK_EQ(rf_debug_check_heap(), 0);
    for (int i = 0; i < N; i++) { /* kept ones in a ring: now garbage for a full collection */
        if (keep[i] != NULL) {
            int j = (i + 1) % N;
            while (keep[j] == NULL)
                j = (j + 1) % N;
            point_a(keep[i], keep[j]);
        }
    }
    long left = 0;
    for (int i = 0; i < N; i++) {
        left += keep[i] != NULL;
        RF_XDECREF(keep[i]);
        rf_mem_free(raw[i]);
    }
    CHECK_EQ(rf_debug_check_heap(), 0);
    CHECK_EQ(rf_gc_collect(), left);
    CHECK_EQ(tracked_count(), 0);
    rf_gc_enable();
}

/* Big tracked objects (past the small-block limit) are found by the full
 * collection's heap walk through their own list, and referenced from and
 * to small ones. */
static void test_big_tracked_objects(void)
{
    rf_object *big = node_new(7), *small = node_new(0), *big2 = node_new(6);
    point_a(big, small);
    point_a(small, big2);
    point_a(big2, big);
    rf_object *live = node_new(7);
    rf_object *l = rf_list_new();
    CHECK_EQ(rf_list_append(l, live), 0);
    point_a(live, l); /* a live cycle through a big object: must survive */
    RF_DECREF(big);
    RF_DECREF(small);
    RF_DECREF(big2);
    CHECK_EQ(rf_gc_collect(), 3);
    CHECK_EQ(RF_REFCNT(live), 2);
    CHECK(rf_list_get(l, 0) == live);
    CHECK_EQ(rf_gc_collect(), 0); /* survivors are old now; still intact */
    CHECK_EQ(rf_debug_check_heap(), 0);
    RF_DECREF(live);
    RF_DECREF(l);
    CHECK_EQ(rf_gc_collect_generation(0), 0); /* the cycle is in gen 2 */
    CHECK_EQ(rf_gc_collect(), 2);
}

/* A garbage node whose clear frees a live-looking subgraph (only the
 * garbage refers to it) and allocates and frees tracked objects while the
 * collector deletes garbage. */
static long churn_clears;

static void churn_clear(rf_object *self)
{
    churn_clears++;
    for (int i = 0; i < 50; i++) { /* new tracked objects during the collection */
        rf_object *t = rf_list_new();
        rf_object *u = rf_list_new();
        CHECK_EQ(rf_list_append(t, u), 0);
        RF_DECREF(u);
        RF_DECREF(t);
    }
    RF_CLEAR(((node *)self)->a);
    RF_CLEAR(((node *)self)->b);
}

static rf_type churn_type = {
    .name = "churn",
    .size = sizeof(node),
    .traverse = node_traverse,
    .clear = churn_clear,
};

static void test_freed_and_allocated_during_collection(void)
{
    rf_gc_disable();
    for (int full = 0; full < 2; full++) {
        enum { K = 200 };
        for (int i = 0; i < K; i++) {
            rf_object *c = rf_new(&churn_type), *d = rf_new(&churn_type);
            rf_object *tail = rf_list_new(); /* freed by c's clear, not a cycle member */
            rf_object *inner = rf_list_new();
            CHECK_EQ(rf_list_append(tail, inner), 0);
            RF_DECREF(inner);
            point_a(c, d);
            point_a(d, c);
            point_b(c, tail);
            RF_DECREF(tail);
            RF_DECREF(c);
            RF_DECREF(d);
        }
        churn_clears = 0;
        long freed = full ? rf_gc_collect() : rf_gc_collect_generation(0);
        /* clear runs twice on c and d: by the collector, then as their
         * destructor (churn has no dealloc). freed: c, d, tail and inner,
         * plus the 100 churn lists of each clear (tracked objects destroyed
         * while the garbage is deleted count as freed). */
        CHECK_EQ(churn_clears, 2 * 2 * K);
        CHECK_EQ(freed, 4 * K + 100 * 2 * 2 * K);
        CHECK_EQ(rf_heap_count_type(&churn_type), 0);
        CHECK_EQ(rf_heap_count_type(&rf_list_type), 0);
        CHECK_EQ(rf_debug_check_heap(), 0);
    }
    rf_gc_enable();
}

/* A destructor that runs a full collection while the trashcan holds
 * queued objects (unlinked, refcount 0, not yet destroyed): the heap walk
 * must not see them. */
static int collect_in_dealloc;
static long collections_in_dealloc;

static void chain_dealloc(rf_object *self)
{
    if (collect_in_dealloc && ((node *)self)->tag % 97 == 0) {
        rf_gc_collect(); /* self is unlinked: the collection must not see it */
        collections_in_dealloc++;
        CHECK(((node *)self)->a == NULL || RF_REFCNT(((node *)self)->a) == 1);
    }
    RF_CLEAR(((node *)self)->a);
}

static rf_type chain_type = {
    .name = "chain",
    .size = sizeof(node),
    .dealloc = chain_dealloc,
    .traverse = node_traverse,
    .clear = node_clear,
};

static void test_collection_inside_trashcan(void)
{
    enum { LEN = 5000 };
    rf_object *head = rf_new(&chain_type), *cur = head;
    RF_INCREF(cur);
    for (long i = 1; i < LEN; i++) {
        rf_object *next = rf_new(&chain_type);
        ((node *)next)->tag = i;
        point_a(cur, next);
        RF_DECREF(cur);
        cur = next;
    }
    RF_DECREF(cur);
    rf_object *a = rf_list_new(), *b = rf_list_new(); /* garbage for those collections */
    CHECK_EQ(rf_list_append(a, b), 0);
    CHECK_EQ(rf_list_append(b, a), 0);
    RF_DECREF(a);
    RF_DECREF(b);
    collect_in_dealloc = 1;
    collections_in_dealloc = 0;
    RF_DECREF(head); /* the chain goes, deeper than the trashcan limit */
    collect_in_dealloc = 0;
    CHECK(collections_in_dealloc > 1);
    CHECK_EQ(rf_heap_count_type(&chain_type), 0);
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 0);
}

/* A root with more non-leaf children than the mark stack's fixed part;
 * in the debug build also with the stack's growth refused, which makes
 * the mark phase rescan. Everything reachable survives, then goes. */
static void test_wide_mark(void)
{
    enum { WIDE = 5000 };
    for (int refuse = 0; refuse < 2; refuse++) {
        rf_object *root = rf_list_new();
        for (int i = 0; i < WIDE; i++) {
            rf_object *mid = rf_list_new(), *leaf = rf_list_new();
            CHECK_EQ(rf_list_append(mid, leaf), 0);
            CHECK_EQ(rf_list_append(mid, root), 0); /* a cycle through the root */
            CHECK_EQ(rf_list_append(root, mid), 0);
            RF_DECREF(leaf);
            RF_DECREF(mid);
        }
        if (refuse)
            rf_debug_fail_after(0);
        CHECK_EQ(rf_gc_collect(), 0);
        rf_debug_fail_after(-1);
        CHECK_EQ(rf_heap_count_type(&rf_list_type), 1 + 2 * WIDE);
        CHECK_EQ(rf_debug_check_heap(), 0);
        RF_DECREF(root);
        if (refuse)
            rf_debug_fail_after(0);
        CHECK_EQ(rf_gc_collect(), 1 + 2 * WIDE);
        rf_debug_fail_after(-1);
        CHECK_EQ(rf_heap_count_type(&rf_list_type), 0);
    }
    rf_error_clear();
}

/* A cycle member whose refcount does not fit the state word's count: it
 * is kept (treated as reachable) by both kinds of collection, and
 * collected once its refcount is back to normal. */
static void test_saturated_refcount(void)
{
    const intptr_t huge = (intptr_t)1 << 31;
    rf_gc_disable();
    for (int full = 0; full < 2; full++) {
        rf_object *a = rf_list_new(), *b = rf_list_new();
        CHECK_EQ(rf_list_append(a, b), 0);
        CHECK_EQ(rf_list_append(b, a), 0);
        CHECK_EQ(rf_list_append(a, a), 0);
        RF_DECREF(b);
        RF_REFCNT(a) += huge; /* as if 2^31 more references were held outside */
        CHECK_EQ(full ? rf_gc_collect() : rf_gc_collect_generation(0), 0);
        CHECK_EQ(rf_heap_count_type(&rf_list_type), 2);
        RF_REFCNT(a) -= huge;
        RF_DECREF(a);
        CHECK_EQ(full ? rf_gc_collect() : rf_gc_collect_generation(1), 2);
    }
    rf_gc_enable();
}

int main(void)
{
    rt_rng_seed(0x9e3779b97f4a7c15ULL);
    rf_init();
    setup_types();
    RT_RUN(test_mixed_pages);
    RT_RUN(test_big_tracked_objects);
    RT_RUN(test_freed_and_allocated_during_collection);
    RT_RUN(test_collection_inside_trashcan);
    RT_RUN(test_wide_mark);
    RT_RUN(test_saturated_refcount);
    return rt_finish();
}
