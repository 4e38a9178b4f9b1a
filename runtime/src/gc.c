/* gc.c: the generational trial-deletion cycle collector (the design of
 * CPython's Python/gc.c): when to collect, young collections
 * (update_refs + subtract_refs in one walk of the generation lists, then
 * move_unreachable), and the destruction of garbage, which is cleared
 * while held, then released. Full collections find their garbage by
 * walking the heap instead (gc_full.c).
 *
 * Assumes: the state word and helpers of gc_internal.h; every tracked
 * type's traverse reports each owned reference and its clear drops them;
 * destructors do not resurrect objects; single-threaded use.
 */
#include "error_internal.h"
#include "gc_internal.h"

/* A full collection waits until pending * LONG_LIVED_RATIO >= total: with
 * 1, until the old generation has doubled since the last full collection,
 * so while a heap grows the full collections examine between one and two
 * objects per object promoted (CPython 3.11 waits for a quarter). */
#define LONG_LIVED_RATIO 1

/* An automatic generation-0 collection promotes its survivors straight to
 * the oldest generation while the previous one freed less than
 * 1/DIRECT_GARBAGE_DIV of what it examined (a heap being built): a second
 * young look at objects that all survived their first finds nothing, and
 * what they later turn into is left to full collections, whose schedule
 * (above) counts these promotions. CPython 3.14 always promotes the young
 * generation's survivors to the old one. */
#define DIRECT_GARBAGE_DIV 8

static struct {
    long threshold[RF_GC_GENERATIONS];
    long count[RF_GC_GENERATIONS];
    int enabled;
    int collecting;
    size_t collections[RF_GC_GENERATIONS];
    size_t collected[RF_GC_GENERATIONS];
    size_t long_lived_total;
    size_t long_lived_pending;
    size_t last_examined;
    size_t promoted_direct;  /* objects moved from generation 0 to 2 at once */
    int oldest;   /* G, the oldest generation being collected */
    int direct;   /* the next automatic gen-0 collection promotes to the oldest */
} gc = {
    .threshold = {2000, 10, 10},
    .enabled = 1,
};

static rf_gc_page_cache cache;      /* for the child lookups of one collection */
static rf_gc_page_cache walk_cache; /* for the walked objects' own states */

static size_t zeros; /* walked objects of the set whose count reached 0 */

/* subtract_refs' visit; counts the walked children whose count drops to 0
 * (each object at most once: after its walk its count only decreases, and
 * never below 0). */
static inline void decref_child(rf_object *child)
{
    rf_gcstate *s = rf_gc_decref_child_(child, gc.oldest, &cache);
    if (s != NULL && *s < GC_ONE)
        zeros++;
}

static int visit_decref(rf_object *child, void *arg)
{
    (void)arg;
    decref_child(child);
    return 0;
}

#define DECREF_CHILD(child, arg) decref_child(child)

/* update_refs + subtract_refs in one walk.
 * Post: every object in young has COLLECTING set and a count equal to the
 * number of references to it from outside young (older generations,
 * untracked objects, C variables), or SATURATED. An object with count > 0
 * is certainly reachable; `zeros` is the number of objects with count 0.
 * Returns how many objects young holds. */
static size_t subtract_refs(rf_link *young)
{
    size_t n = 0;
    zeros = 0;
    for (rf_link *l = young->next; l != young; l = l->next) {
        rf_object *o = rf_object_of(l);
        rf_gcstate *s = rf_gc_state_cached_(o, &walk_cache);
        *s = rf_gc_add_refcnt_(o, *s);
        zeros += *s < GC_ONE;
        RF_GC_FOR_EACH_CHILD(o, DECREF_CHILD, NULL, visit_decref);
        n++;
    }
    return n;
}

/* move_unreachable when no object of young has count 0: every one is
 * referenced from outside, so all are reachable and only their states
 * change. Returns the number of objects in young. */
static size_t all_reachable(rf_link *young, int newgen)
{
    size_t n = 0;
    rf_gcstate newstate = rf_gcs_gen_(newgen);
    for (rf_link *l = young->next; l != young; l = l->next, n++)
        *rf_gc_state_cached_(rf_object_of(l), &walk_cache) = newstate;
    return n;
}

/* move_unreachable's visit: child is referenced by a reachable object. */
static inline void mark_child(rf_object *child, rf_link *young)
{
    rf_gcstate *s = rf_gc_collecting_state_(child, &cache);
    if (s == NULL)
        return;
    if (*s & GC_TENTATIVE) {
        /* Moved too early: back to young's tail, where the walk meets it. */
        rf_link *l = rf_link_of(child);
        rf_ring_unlink_(l);
        rf_ring_append_(young, l);
        *s = GC_ONE | GC_IN_SET;
    } else if (*s < GC_ONE) {
        *s = GC_ONE | GC_IN_SET; /* not walked yet: it will be */
    }
}

static int visit_reachable(rf_object *child, void *arg)
{
    mark_child(child, arg);
    return 0;
}

/* Walks young once; objects with count 0 move (tentatively) to
 * unreachable, those with count > 0 make everything they reference
 * reachable (pulling it back from unreachable if needed).
 * Post: young holds exactly the objects reachable from outside the set,
 * each with the state of generation newgen; unreachable holds the rest,
 * with TENTATIVE set. Returns the number of objects left in young. */
static size_t move_unreachable(rf_link *young, rf_link *unreachable, int newgen)
{
    size_t reachable = 0;
    rf_gcstate newstate = rf_gcs_gen_(newgen);
    rf_link *l = young->next;
    while (l != young) {
        rf_object *o = rf_object_of(l);
        rf_gcstate *s = rf_gc_state_cached_(o, &walk_cache);
        rf_link *next = l->next;
        if (*s >= GC_ONE) {
            *s = newstate;
            RF_GC_FOR_EACH_CHILD(o, mark_child, young, visit_reachable);
            next = l->next; /* the traverse may have appended after l */
            reachable++;
        } else {
            rf_ring_unlink_(l);
            rf_ring_append_(unreachable, l);
            *s = GC_TENTATIVE | GC_IN_SET;
        }
        l = next;
    }
    return reachable;
}

/* Destroys the unreachable objects: hold one reference to each, clear each
 * (so a clear or destructor that touches other garbage finds it alive),
 * then move each to `old` (generation oldgen) and drop the held reference, which destroys it
 * unless something still refers to it (it then stays in old).
 * Post: unreachable is empty. Returns the number of tracked objects
 * destroyed meanwhile. */
static size_t delete_garbage(rf_link *unreachable, rf_link *old, int oldgen)
{
    size_t before = rf_rt.tracked_freed;
    for (rf_link *l = unreachable->next; l != unreachable; l = l->next) {
        rf_object *o = rf_object_of(l);
        *rf_gc_state_of(o) = rf_gcs_gen_(oldgen);
        o->rf_refcnt++;
    }
    for (rf_link *l = unreachable->next; l != unreachable; l = l->next) {
        rf_object *o = rf_object_of(l);
        o->rf_type->clear(o);
    }
    while (!rf_ring_empty_(unreachable)) {
        rf_link *l = unreachable->next;
        rf_ring_unlink_(l);
        rf_ring_append_(old, l);
        rf_decref(rf_object_of(l));
    }
    return rf_rt.tracked_freed - before;
}

/* Updates the long-lived bookkeeping after collecting `gen`, whose
 * `survivors` moved to generation `oldgen`. */
static void account_survivors(int gen, int oldgen, size_t survivors)
{
    if (gen == RF_GC_GENERATIONS - 1) {
        gc.long_lived_total = survivors;
        gc.long_lived_pending = 0;
    } else if (oldgen == RF_GC_GENERATIONS - 1) {
        gc.long_lived_pending += survivors;
        if (gen == 0)
            gc.promoted_direct += survivors;
    }
}

/* Collects generations 0..gen; the survivors go to generation oldgen
 * (gen + 1, or the oldest one; gen itself when gen is the oldest).
 * Returns the number of objects freed. */
static size_t collect(int gen, int oldgen)
{
    rf_runtime_init_();
    gc.collecting = 1;
    for (int g = 0; g < gen; g++)
        rf_ring_merge_(&rf_rt.gen[g], &rf_rt.gen[gen]);
    rf_link *young = &rf_rt.gen[gen];
    rf_link *old = &rf_rt.gen[oldgen];
    rf_link unreachable;
    rf_ring_init_(&unreachable);
    gc.oldest = gen;
    size_t survivors;
    if (gen == RF_GC_GENERATIONS - 1) {
        survivors = rf_gc_full_find_garbage_(&unreachable, &gc.last_examined);
    } else {
        cache.key = walk_cache.key = 0;
        gc.last_examined = subtract_refs(young);
        survivors = zeros == 0 ? all_reachable(young, oldgen)
                               : move_unreachable(young, &unreachable, oldgen);
    }
    account_survivors(gen, oldgen, survivors);
    if (gen == 0)
        gc.direct = (gc.last_examined - survivors) * DIRECT_GARBAGE_DIV < gc.last_examined;
    if (young != old)
        rf_ring_merge_(young, old);
    size_t freed = delete_garbage(&unreachable, old, oldgen);
    if (gen + 1 < RF_GC_GENERATIONS)
        gc.count[gen + 1]++;
    for (int g = 0; g <= gen; g++)
        gc.count[g] = 0;
    gc.collections[gen]++;
    gc.collected[gen] += freed;
    gc.collecting = 0;
    return freed;
}

/* Where the survivors of a collection of gen normally go. */
static int next_gen(int gen)
{
    return gen + 1 < RF_GC_GENERATIONS ? gen + 1 : gen;
}

/* Picks the oldest generation over its threshold and collects it. */
static void collect_generations(void)
{
    for (int g = RF_GC_GENERATIONS - 1; g >= 0; g--) {
        if (gc.count[g] <= gc.threshold[g])
            continue;
        if (g == RF_GC_GENERATIONS - 1 &&
            gc.long_lived_pending * LONG_LIVED_RATIO < gc.long_lived_total)
            continue;
        collect(g, g == 0 && gc.direct ? RF_GC_GENERATIONS - 1 : next_gen(g));
        return;
    }
}

void rf_gc_on_alloc_(void)
{
    gc.count[0]++;
    if (gc.count[0] > gc.threshold[0] && gc.threshold[0] > 0 && gc.enabled && !gc.collecting)
        collect_generations();
}

void rf_gc_on_free_(void)
{
    if (gc.count[0] > 0)
        gc.count[0]--;
}

long rf_gc_collect_generation(int gen)
{
    if (gc.collecting)
        return 0;
    if (gen < 0)
        gen = 0;
    if (gen >= RF_GC_GENERATIONS)
        gen = RF_GC_GENERATIONS - 1;
    return (long)collect(gen, next_gen(gen));
}

long rf_gc_collect(void)
{
    return rf_gc_collect_generation(RF_GC_GENERATIONS - 1);
}

void rf_gc_enable(void)
{
    gc.enabled = 1;
}

void rf_gc_disable(void)
{
    gc.enabled = 0;
}

int rf_gc_is_enabled(void)
{
    return gc.enabled;
}

int rf_gc_set_threshold(long t0, long t1, long t2)
{
    if (t0 < 0 || t1 < 0 || t2 < 0) {
        rf_error_set_(RF_ERR_VALUE, "rf_gc_set_threshold: negative threshold");
        return -1;
    }
    gc.threshold[0] = t0;
    gc.threshold[1] = t1;
    gc.threshold[2] = t2;
    return 0;
}

static size_t ring_length(const rf_link *head)
{
    size_t n = 0;
    for (const rf_link *l = head->next; l != head; l = l->next)
        n++;
    return n;
}

void rf_gc_stats(rf_gc_info *out)
{
    rf_runtime_init_();
    for (int g = 0; g < RF_GC_GENERATIONS; g++) {
        out->threshold[g] = gc.threshold[g];
        out->count[g] = gc.count[g];
        out->objects[g] = ring_length(&rf_rt.gen[g]);
        out->collections[g] = gc.collections[g];
        out->collected[g] = gc.collected[g];
    }
    out->long_lived_total = gc.long_lived_total;
    out->long_lived_pending = gc.long_lived_pending;
    out->last_examined = gc.last_examined;
    out->promoted_direct = gc.promoted_direct;
    out->enabled = gc.enabled;
}
