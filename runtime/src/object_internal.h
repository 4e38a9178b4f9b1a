/* object_internal.h: how objects sit in memory and on the runtime's object
 * lists; shared by the object, collector, introspection and debug code.
 *
 * Assumes: single-threaded use; objects are created only by
 * rf_object_alloc_ (rf_new and the built-in constructors).
 *
 * Memory layout of one object block (from the small-object allocator):
 *     small block (<= RF_MEM_SMALL_MAX):   [rf_link][object ...]
 *     big tracked object (system block):   [big link][gc state word, 8 bytes][rf_link][object ...]
 *     big untracked object:                [rf_link][object ...]
 * so the link is always just before the object. A tracked object's 32-bit
 * gc state word lives in its allocator page's gc-state table (see
 * mem_internal.h) for small blocks, and just before the link for big
 * ones, which are also on the rf_rt.big_tracked list (through their big
 * link), so a full collection can find them without walking the
 * generation lists; rf_gc_state_of finds the word.
 *
 * Invariants:
 * - Every live object is on exactly one circular, doubly linked list: the
 *   untracked list, or one of the generation lists (tracked), or, during a
 *   collection only, the collector's own lists. A destroyed object is
 *   unlinked first (and, in the trashcan queue, chained through link.next).
 * - Outside a collection every tracked object's gc state is
 *   RF_GCS_TRACKED | generation << 1 (so never 0). A tracked object's word
 *   is zeroed when it is unlinked for destruction, so a small block's table
 *   word is non-zero exactly while the block holds a tracked object that is
 *   on a list (live, not being destroyed).
 * - rf_rt.big_tracked links exactly the tracked objects in big blocks that
 *   are on a list.
 * - rf_rt.nlive == the number of live objects == the sum over registered
 *   types of type->rf_nlive.
 */
#ifndef RF_OBJECT_INTERNAL_H
#define RF_OBJECT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "mem_internal.h"
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
    rf_link big_tracked;             /* tracked objects in big blocks (big links) */
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

/* The gc state word: bit 0 set for every live tracked object; outside a
 * collection bits 1-2 hold the generation (gc.c defines the other bits). */
typedef uint32_t rf_gcstate;
#define RF_GCS_TRACKED ((rf_gcstate)1)
#define RF_GCS_GEN_SHIFT 1
/* Bytes before a big tracked object's link: its big link, then its state
 * word's 8-byte slot. */
#define RF_GC_BIG_PREFIX (sizeof(rf_link) + 8)

static inline rf_gcstate rf_gcs_gen_(int gen)
{
    return RF_GCS_TRACKED | (rf_gcstate)gen << RF_GCS_GEN_SHIFT;
}

/* The gc state word of o, a tracked object (live or being destroyed). */
static inline rf_gcstate *rf_gc_state_of(rf_object *o)
{
    uintptr_t b = (uintptr_t)rf_link_of(o);
    if (rf_likely(rf_mem_is_small_(b)))
        return rf_mem_gc_state_(rf_mem_page_of_((void *)b), b);
    return (rf_gcstate *)(b - 8);
}

/* A big tracked object's link on rf_rt.big_tracked, and back. */
static inline rf_link *rf_big_link_of(rf_object *o)
{
    return (rf_link *)((char *)rf_link_of(o) - RF_GC_BIG_PREFIX);
}

static inline rf_object *rf_object_of_big(rf_link *bl)
{
    return rf_object_of((rf_link *)((char *)bl + RF_GC_BIG_PREFIX));
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
