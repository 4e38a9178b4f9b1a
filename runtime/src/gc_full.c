/* gc_full.c: how a full collection finds its garbage: by walking the heap
 * (the allocator's gc-state tables, page by page, and the short list of
 * big tracked objects) instead of the generation lists, in three passes:
 *
 * 1. subtract: for each tracked object, add its refcount to its count and
 *    subtract one from the count of each child (update_refs and
 *    subtract_refs in one walk; see gc_internal.h). An object none of
 *    whose references reaches a tracked object is marked LEAF.
 *    Post: count = references from outside the tracked objects.
 * 2. mark: each object with count > 0 is a root; it and everything
 *    reachable from it are marked by getting their final state, the
 *    oldest generation's (depth first, with an explicit stack; a LEAF
 *    object is marked without being pushed, so nothing but its table word
 *    is touched). A state without COLLECTING is a marked one.
 *    Post: exactly the objects reachable from outside have the final
 *    state; the others still have COLLECTING.
 * 3. sweep, only when pass 2 marked fewer objects than pass 1 walked:
 *    the objects still COLLECTING move to the unreachable list. A heap
 *    with no garbage is done after pass 2.
 *
 * So a live heap costs one read of each object (pass 1), no write to any
 * object, and table words (4 bytes per object) touched in order; the
 * pages are walked in address order, which the hardware prefetches, where
 * a linked-list walk waits for each object's link before the next.
 *
 * Assumes: gc_internal.h; every tracked object is on a generation list
 * and, if in a big block, on rf_rt.big_tracked; no object is created or
 * destroyed during these passes (traverse functions do neither).
 */
#include <stdlib.h>

#include "gc_internal.h"
#include "mem_internal.h"

#define OLDEST (RF_GC_GENERATIONS - 1)
#define STACK_STATIC 1024

/* Calls step(o, s, ctx) on each tracked object o (s: its state word). */
#define FOR_EACH_TRACKED(step, ctx)                                              \
    do {                                                                         \
        for (rf_segment *seg_ = rf_mem_heap_.all; seg_; seg_ = seg_->all_next) { \
            for (unsigned p_ = 0; p_ < RF_PAGES_PER_SEG; p_++) {                 \
                rf_page *pg_ = &seg_->pages[p_];                                 \
                if (!pg_->in_use || pg_->gc_state == NULL)                       \
                    continue;                                                    \
                rf_gcstate *st_ = pg_->gc_state;                                 \
                char *b_ = pg_->start;                                           \
                size_t bs_ = pg_->block_size;                                    \
                for (uint32_t i_ = 0, n_ = pg_->capacity; i_ < n_; i_++, b_ += bs_) \
                    if (st_[i_] != 0)                                            \
                        step(rf_object_of((rf_link *)b_), &st_[i_], ctx);        \
            }                                                                    \
        }                                                                        \
        for (rf_link *bl_ = rf_rt.big_tracked.next; bl_ != &rf_rt.big_tracked;  \
             bl_ = bl_->next) {                                                  \
            rf_object *o_ = rf_object_of_big(bl_);                               \
            step(o_, rf_gc_state_of(o_), ctx);                                   \
        }                                                                        \
    } while (0)

/* --- pass 1: subtract --- */

static rf_gc_page_cache cache; /* for every child lookup of the passes */

#define SUB_CHILD(child, inset) (*(inset) += rf_gc_decref_child_(child, OLDEST, &cache) != NULL)

static int visit_sub(rf_object *child, void *arg)
{
    SUB_CHILD(child, (size_t *)arg);
    return 0;
}

static inline void subtract_one(rf_object *o, rf_gcstate *s, size_t *examined)
{
    size_t inset = 0;
    *s = rf_gc_add_refcnt_(o, *s);
    RF_GC_FOR_EACH_CHILD(o, SUB_CHILD, &inset, visit_sub);
    if (inset == 0)
        *s |= GC_LEAF; /* after the loop: o may refer to itself */
    (*examined)++;
}

/* --- pass 2: mark --- */

typedef struct mark_stack {
    rf_object **items;
    size_t len, cap;
    size_t marked;  /* objects given the final state */
    int overflowed; /* a push failed: some marked objects are untraversed */
} mark_stack;

#define MARKED rf_gcs_gen_(OLDEST) /* the final state; < GC_ONE, no COLLECTING */

static rf_object *stack_static[STACK_STATIC];

/* Grows the stack and pushes o; on failure only notes the overflow (o is
 * already marked and the rescan will traverse it). */
static void push_slow(mark_stack *st, rf_object *o)
{
    size_t cap = st->cap * 2;
    rf_object **items = NULL;
#ifdef RF_DEBUG
    if (!(rf_debug_allow_ >= 0 && rf_debug_alloc_refused_()))
#endif
        items = malloc(cap * sizeof *items);
    if (items == NULL) {
        st->overflowed = 1;
        return;
    }
    memcpy(items, st->items, st->len * sizeof *items);
    if (st->items != stack_static)
        free(st->items);
    st->items = items;
    st->cap = cap;
    st->items[st->len++] = o;
}

static inline void push(mark_stack *st, rf_object *o)
{
    if (rf_likely(st->len < st->cap))
        st->items[st->len++] = o;
    else
        push_slow(st, o);
}

/* child is referenced by a reachable object. */
static inline void mark_child(rf_object *child, mark_stack *st)
{
    rf_gcstate *s = rf_gc_child_state_cached_(child, &cache);
    if (s == NULL || !(*s & GC_COLLECTING))
        return; /* untracked, or already marked (all tracked were COLLECTING) */
    rf_gcstate v = *s;
    *s = MARKED;
    st->marked++;
    if (!(v & GC_LEAF))
        push(st, child);
}

static int visit_mark(rf_object *child, void *arg)
{
    mark_child(child, arg);
    return 0;
}

/* Traverses the pushed objects until the stack is empty. */
static void drain(mark_stack *st)
{
    while (st->len > 0) {
        rf_object *o = st->items[--st->len];
        RF_GC_FOR_EACH_CHILD(o, mark_child, st, visit_mark);
    }
}

static inline void mark_root(rf_object *o, rf_gcstate *s, mark_stack *st)
{
    rf_gcstate v = *s;
    if (v < GC_ONE)
        return; /* no reference from outside (count 0), or marked (MARKED < GC_ONE) */
    *s = MARKED;
    st->marked++;
    if (!(v & GC_LEAF)) {
        push(st, o);
        drain(st);
    }
}

/* After an overflow: traverses every marked object again (marking is
 * idempotent; a leaf's traversal finds nothing to mark), until a round
 * needs no lost push. */
static inline void retraverse(rf_object *o, rf_gcstate *s, mark_stack *st)
{
    if (*s == MARKED) {
        RF_GC_FOR_EACH_CHILD(o, mark_child, st, visit_mark);
        drain(st);
    }
}

/* Returns the number of objects marked. */
static size_t mark(void)
{
    mark_stack st = {stack_static, 0, STACK_STATIC, 0, 0};
    FOR_EACH_TRACKED(mark_root, &st);
    while (st.overflowed) {
        st.overflowed = 0;
        FOR_EACH_TRACKED(retraverse, &st);
    }
    if (st.items != stack_static)
        free(st.items);
    return st.marked;
}

/* --- pass 3: sweep --- */

static inline void sweep_one(rf_object *o, rf_gcstate *s, rf_link *unreachable)
{
    if (*s & GC_COLLECTING) {
        rf_link *l = rf_link_of(o);
        rf_ring_unlink_(l);
        rf_ring_append_(unreachable, l);
    }
}

size_t rf_gc_full_find_garbage_(rf_link *unreachable, size_t *examined)
{
    *examined = 0;
    cache.key = 0;
    FOR_EACH_TRACKED(subtract_one, examined);
    size_t survivors = mark();
    if (survivors < *examined)
        FOR_EACH_TRACKED(sweep_one, unreachable);
    return survivors;
}
