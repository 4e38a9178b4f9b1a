/* gc_internal.h: the collector's state word and the per-child steps shared
 * by its two ways of finding garbage: the list walk of young collections
 * (gc.c) and the heap walk of full collections (gc_full.c).
 *
 * Assumes: the layout and list invariants in object_internal.h (every
 * tracked object has a 32-bit gc state word, in its allocator page's
 * gc-state table for small blocks, holding its generation outside a
 * collection); single-threaded use; no collection runs inside another.
 *
 * The gc state word: bit 0 (RF_GCS_TRACKED) is set while the object is a
 * live tracked object. Outside a collection bits 1-2 hold its generation.
 * During a collection of generations 0..G, an object of the set gets
 * COLLECTING (bit 3) on first touch (by its walk or by a referrer's visit,
 * whichever comes first) and a count in bits 5..31: each visit from a
 * referrer in the set subtracts one, the walk adds the refcount, so after
 * the walk the count is the number of references from outside the set
 * (CPython's update_refs and subtract_refs in one walk). Objects of older
 * generations are never touched, so a visit tells in O(1) whether a child
 * belongs to the set (generation <= G). With COLLECTING set:
 * - bit 1 is TENTATIVE (list walk: on the unreachable list); the heap
 *   walk marks an object reachable by giving it its final state (without
 *   COLLECTING) instead;
 * - bit 2 is SATURATED: the refcount did not fit the count bits; the
 *   object is treated as reachable (always safe);
 * - bit 4 is LEAF (heap walk only): no reference from it reaches the set,
 *   so marking it reachable needs no look at the object itself.
 *
 * A child's state is found from its address through the page descriptor
 * and the table alone: visiting a child never touches the child's memory.
 */
#ifndef RF_GC_INTERNAL_H
#define RF_GC_INTERNAL_H

#include "builtins_internal.h"
#include "object_internal.h"

#define GC_TENTATIVE ((rf_gcstate)2)  /* list walk */
#define GC_SATURATED ((rf_gcstate)4)
#define GC_COLLECTING ((rf_gcstate)8)
#define GC_LEAF ((rf_gcstate)16)
#define GC_ONE ((rf_gcstate)32)       /* one reference in the count bits */
#define GC_COUNT_MAX ((intptr_t)(UINT32_MAX / GC_ONE))
#define GC_IN_SET (RF_GCS_TRACKED | GC_COLLECTING)

static inline int rf_gc_state_gen_(rf_gcstate v)
{
    return (int)(v >> RF_GCS_GEN_SHIFT) & 3;
}

/* The last page a child was found in: consecutive children usually share
 * a page, and then their state needs no segment map or descriptor load.
 * Valid while no page changes its class (no allocation or free). */
typedef struct rf_gc_page_cache {
    uintptr_t key;        /* block address >> RF_PAGE_SHIFT, or 0 */
    uintptr_t start;
    uint64_t index_mul;
    rf_gcstate *table;
} rf_gc_page_cache;

/* The gc state word of o, a tracked object, through cache c (the list
 * walks meet objects in allocation order, so mostly page after page). */
static inline rf_gcstate *rf_gc_state_cached_(rf_object *o, rf_gc_page_cache *c)
{
    uintptr_t b = (uintptr_t)rf_link_of(o);
    if (rf_likely(b >> RF_PAGE_SHIFT == c->key))
        return &c->table[((uint64_t)(uint32_t)(b - c->start) * c->index_mul) >> 32];
    if (rf_likely(rf_mem_is_small_(b))) {
        const rf_page *pg = rf_mem_page_of_((void *)b);
        c->key = b >> RF_PAGE_SHIFT;
        c->start = (uintptr_t)pg->start;
        c->index_mul = pg->index_mul;
        c->table = pg->gc_state;
        return rf_mem_gc_state_(pg, b);
    }
    return rf_gc_state_of(o);
}

/* The gc state of child if it is a live tracked object, else NULL. For a
 * small block this reads the page descriptor (or cache c) and the table
 * only, never the child itself. */
static inline rf_gcstate *rf_gc_child_state_cached_(rf_object *child, rf_gc_page_cache *c)
{
    if (child == NULL)
        return NULL;
    uintptr_t b = (uintptr_t)rf_link_of(child);
    if (rf_likely(b >> RF_PAGE_SHIFT == c->key)) {
        rf_gcstate *s = &c->table[((uint64_t)(uint32_t)(b - c->start) * c->index_mul) >> 32];
        return *s != 0 ? s : NULL;
    }
    if (rf_likely(rf_mem_is_small_(b))) {
        const rf_page *pg = rf_mem_page_of_((void *)b);
        if (pg->gc_state == NULL)
            return NULL;
        c->key = b >> RF_PAGE_SHIFT;
        c->start = (uintptr_t)pg->start;
        c->index_mul = pg->index_mul;
        c->table = pg->gc_state;
        rf_gcstate *s = rf_mem_gc_state_(pg, b);
        return *s != 0 ? s : NULL;
    }
    return rf_is_tracked(child) ? rf_gc_state_of(child) : NULL;
}

/* The walk's half of update_refs: adds o's refcount to the count that
 * referrers' visits may already have decremented (v is o's state).
 * Saturates when the refcount does not fit the count bits.
 * Pre: o is in the set. */
static inline rf_gcstate rf_gc_add_refcnt_(rf_object *o, rf_gcstate v)
{
    if (rf_unlikely(o->rf_refcnt > GC_COUNT_MAX))
        return (rf_gcstate)GC_COUNT_MAX * GC_ONE | GC_IN_SET | GC_SATURATED;
    if (!(v & GC_COLLECTING))
        v = GC_IN_SET;
    return v + (rf_gcstate)o->rf_refcnt * GC_ONE;
}

/* subtract_refs' visit: one reference to child comes from inside the set
 * of generations 0..oldest. A child not walked yet starts at count 0 (its
 * refcount is added when the walk reaches it; until then the count bits
 * hold minus the references seen, modulo 2^27), so this never reads the
 * child itself. Returns child's state word if child is in the set (its
 * count bits are 0 exactly when a walked child has just lost its last
 * reference from outside), NULL otherwise. */
static inline rf_gcstate *rf_gc_decref_child_(rf_object *child, int oldest, rf_gc_page_cache *c)
{
    rf_gcstate *s = rf_gc_child_state_cached_(child, c);
    if (s == NULL)
        return NULL;
    rf_gcstate v = *s;
    if (rf_unlikely((v & (GC_COLLECTING | GC_SATURATED)) != GC_COLLECTING)) {
        if (v & GC_COLLECTING)
            return s; /* saturated */
        if (rf_gc_state_gen_(v) > oldest)
            return NULL; /* older generation: a root */
        v = GC_IN_SET;
    }
    *s = v - GC_ONE;
    return s;
}

/* The gc state of child if it is tracked and in the collected set, else
 * NULL (valid once the subtract walk is over). */
static inline rf_gcstate *rf_gc_collecting_state_(rf_object *child, rf_gc_page_cache *c)
{
    rf_gcstate *s = rf_gc_child_state_cached_(child, c);
    return s != NULL && (*s & GC_COLLECTING) ? s : NULL;
}

/* Calls op(child, arg) on each reference o holds: inline loops for the
 * built-in containers (no indirect call per item), traverse otherwise
 * (with visit, which must do what op does). */
#define RF_GC_FOR_EACH_CHILD(o, op, arg, visit)                             \
    do {                                                                    \
        if ((o)->rf_type == &rf_list_type) {                                \
            rf_list *l_ = (rf_list *)(o);                                   \
            for (long i_ = 0; i_ < l_->len; i_++)                           \
                op(l_->items[i_], arg);                                     \
        } else if ((o)->rf_type == &rf_map_type) {                          \
            rf_map *m_ = (rf_map *)(o);                                     \
            for (size_t i_ = 0; i_ < m_->cap; i_++) {                       \
                if (m_->slots[i_].key != NULL) {                            \
                    op(m_->slots[i_].key, arg);                             \
                    op(m_->slots[i_].value, arg);                           \
                }                                                           \
            }                                                               \
        } else {                                                            \
            (o)->rf_type->traverse((o), visit, arg);                        \
        }                                                                   \
    } while (0)

/* Full collections (gc_full.c): finds the garbage among all tracked
 * objects by walking the allocator's gc-state tables (and the big-object
 * list) instead of the generation lists. Pre: every tracked object is on
 * rf_rt.gen[RF_GC_GENERATIONS - 1]. Post: the garbage is on unreachable
 * (in any state), the survivors are on the old list in the state of the
 * oldest generation; *examined is the number of tracked objects. Returns
 * the number of survivors. */
size_t rf_gc_full_find_garbage_(rf_link *unreachable, size_t *examined);

#endif
