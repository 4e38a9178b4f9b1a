/* object_internal.h: how objects sit in memory and on the runtime's object
 * lists; shared by the object, collector, introspection and debug code.
 *
 * Assumes: single-threaded use; objects are created only by
 * rf_object_alloc_ (rf_new and the built-in constructors).
 *
 * Memory layout of one object block (from the small-object allocator):
 *     untracked type:  [rf_link][object ...]
 *     tracked type:    [gc_refs][rf_link][object ...]
 * so the link is always just before the object, and gc_refs (tracked only)
 * just before the link.
 *
 * Invariants:
 * - Every live object is on exactly one circular, doubly linked list: the
 *   untracked list, or one of the generation lists (tracked), or, during a
 *   collection only, the collector's own lists. A destroyed object is
 *   unlinked first (and, in the trashcan queue, chained through link.next).
 * - Outside a collection every tracked object's gc_refs is the number of
 *   the generation whose list holds it (0 for a new object).
 * - rf_rt.nlive == the number of live objects == the sum over registered
 *   types of type->rf_nlive.
 */
#ifndef RF_OBJECT_INTERNAL_H
#define RF_OBJECT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "rf.h"

typedef struct rf_link {
    struct rf_link *next;
    struct rf_link *prev;
} rf_link;

#define RF_TRASH_LIMIT 128 /* nested destructions before queueing */

typedef struct rf_runtime {
    int initialized;
    rf_link untracked;               /* list head */
    rf_link gen[RF_GC_GENERATIONS];  /* list heads */
    size_t nlive;                    /* live objects */
    size_t tracked_freed;            /* tracked objects ever destroyed */
    rf_type *types;                  /* registered types */
    int dealloc_depth;               /* nested rf_dealloc_ calls */
    rf_link *trash;                  /* queued destructions (via next) */
} rf_runtime;

extern rf_runtime rf_rt;

static inline rf_link *rf_link_of(rf_object *o)
{
    return (rf_link *)o - 1;
}

static inline rf_object *rf_object_of(rf_link *l)
{
    return (rf_object *)(l + 1);
}

static inline intptr_t *rf_gc_refs_of(rf_object *o)
{
    return (intptr_t *)rf_link_of(o) - 1;
}

static inline int rf_is_tracked(const rf_object *o)
{
    return (o->rf_type->flags & RF_TPFLAGS_GC) != 0;
}

static inline void rf_ring_init_(rf_link *head)
{
    head->next = head->prev = head;
}

static inline int rf_ring_empty_(const rf_link *head)
{
    return head->next == head;
}

static inline void rf_ring_append_(rf_link *head, rf_link *l)
{
    l->prev = head->prev;
    l->next = head;
    head->prev->next = l;
    head->prev = l;
}

static inline void rf_ring_unlink_(rf_link *l)
{
    l->prev->next = l->next;
    l->next->prev = l->prev;
}

/* Appends all of from's entries to to; from becomes empty. */
static inline void rf_ring_merge_(rf_link *from, rf_link *to)
{
    if (rf_ring_empty_(from))
        return;
    rf_link *first = from->next, *last = from->prev;
    first->prev = to->prev;
    to->prev->next = first;
    last->next = to;
    to->prev = last;
    rf_ring_init_(from);
}

/* Sets up the lists once (idempotent). */
void rf_runtime_init_(void);

/* Registers a type on first use: checks it, sets RF_TPFLAGS_GC when it has a
 * traverse, links it into rf_rt.types. 0, or -1 with RF_ERR_TYPE. */
int rf_type_ready_(rf_type *type);

/* A new object of type with an object struct of `size` bytes (>= the
 * type's size for variable-size types such as str): zero-filled, refcount
 * 1, owned by the caller. NULL with the error state set on failure. */
RF_NEW_REF rf_object *rf_object_alloc_(rf_type *type, size_t size);

/* Frees a destroyed object's block (debug: poisons and quarantines it). */
void rf_object_free_(rf_object *o);

/* Collector hooks (gc.c): called by rf_object_alloc_ for a tracked type
 * before allocating (may run a collection), and when a tracked object is
 * destroyed. */
void rf_gc_on_alloc_(void);
void rf_gc_on_free_(void);

/* Debug (debug.c): quarantines a destroyed object's block in RF_DEBUG
 * builds instead of freeing it at once; flushes the quarantine. */
void rf_debug_quarantine_(rf_object *o, void *block);
void rf_debug_flush_quarantine_(void);
/* The debug stream (stderr unless set). */
FILE *rf_debug_stream_(void);

#endif
