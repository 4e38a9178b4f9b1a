/* object.c: creating and destroying objects: rf_new, type registration,
 * the object lists, and destruction with the trashcan (bounded recursion).
 *
 * Assumes: the layout and invariants in object_internal.h; memory from the
 * small-object allocator (mem_internal.h); single-threaded use.
 */
#include <string.h>

#include "error_internal.h"
#include "mem_internal.h"
#include "object_internal.h"

rf_runtime rf_rt;

void rf_runtime_init_(void)
{
    if (rf_rt.initialized)
        return;
    rf_ring_init_(&rf_rt.untracked);
    for (int g = 0; g < RF_GC_GENERATIONS; g++)
        rf_ring_init_(&rf_rt.gen[g]);
    rf_ring_init_(&rf_rt.big_tracked);
    rf_rt.initialized = 1;
}

int rf_type_ready_(rf_type *type)
{
    if (type->size < sizeof(rf_object) || (type->traverse != NULL && type->clear == NULL)) {
        rf_error_set_(RF_ERR_TYPE, "bad type '%s': size below sizeof(rf_object) or "
                      "traverse without clear", type->name ? type->name : "?");
        return -1;
    }
    rf_runtime_init_();
    if (type->traverse != NULL)
        type->flags |= RF_TPFLAGS_GC;
    else
        type->flags &= ~RF_TPFLAGS_GC;
    type->flags |= RF_TPFLAGS_READY;
    type->rf_next_type = rf_rt.types;
    rf_rt.types = type;
    return 0;
}

/* Bytes before the object in its block: the link, and for a tracked
 * object too big for a small block, its gc state word. */
static size_t prefix_size(int tracked, size_t size)
{
    if (tracked && sizeof(rf_link) + size > RF_MEM_SMALL_MAX)
        return sizeof(rf_link) + RF_GC_BIG_PREFIX;
    return sizeof(rf_link);
}

rf_object *rf_object_alloc_(rf_type *type, size_t size)
{
    int tracked = (type->flags & RF_TPFLAGS_GC) != 0;
    size_t pre = prefix_size(tracked, size);
    if (tracked)
        rf_gc_on_alloc_();
    char *block = rf_mem_alloc_inline_(pre + size);
    if (block == NULL)
        return NULL;
    rf_object *o = (rf_object *)(block + pre);
    memset((char *)o + sizeof(rf_object), 0, size - sizeof(rf_object));
    o->rf_refcnt = 1;
    o->rf_type = type;
    if (tracked) {
        *rf_gc_state_of(o) = rf_gcs_gen_(0);
        rf_ring_append_(&rf_rt.gen[0], rf_link_of(o));
        if (pre != sizeof(rf_link))
            rf_ring_append_(&rf_rt.big_tracked, rf_big_link_of(o));
    } else {
        rf_ring_append_(&rf_rt.untracked, rf_link_of(o));
    }
    type->rf_nlive++;
    rf_rt.nlive++;
    return o;
}

rf_object *rf_new(rf_type *type)
{
    if (type == NULL) {
        rf_error_set_(RF_ERR_VALUE, "rf_new: NULL type");
        return NULL;
    }
    if (rf_unlikely(!(type->flags & RF_TPFLAGS_READY)) && rf_type_ready_(type) < 0)
        return NULL;
    return rf_object_alloc_(type, type->size);
}

void rf_object_free_(rf_object *o)
{
    char *block = (char *)rf_link_of(o);
    if (rf_is_tracked(o) && !rf_mem_is_small_((uintptr_t)block))
        block -= RF_GC_BIG_PREFIX;
#ifdef RF_DEBUG
    rf_debug_quarantine_(o, block);
#else
    rf_mem_free_inline_(block);
#endif
}

/* Runs o's destructor and frees it. Pre: refcount 0, unlinked. */
static void destroy(rf_object *o)
{
    rf_type *type = o->rf_type;
    if (type->dealloc != NULL)
        type->dealloc(o);
    else if (type->clear != NULL)
        type->clear(o);
    type->rf_nlive--;
    rf_rt.nlive--;
    if (type->flags & RF_TPFLAGS_GC) {
        rf_rt.tracked_freed++;
        rf_gc_on_free_();
    }
    rf_object_free_(o);
}

/* Destroys the queued objects (and whatever they queue in turn). */
static void drain_trash(void)
{
    while (rf_rt.trash != NULL) {
        rf_link *l = rf_rt.trash;
        rf_rt.trash = l->next;
        rf_rt.dealloc_depth++;
        destroy(rf_object_of(l));
        rf_rt.dealloc_depth--;
    }
}

/* Takes o off its list(s); a tracked object's gc state becomes 0, so a
 * full collection's heap walk no longer sees it. */
static void unlink_object(rf_object *o)
{
    rf_ring_unlink_(rf_link_of(o));
    if (rf_is_tracked(o)) {
        *rf_gc_state_of(o) = 0;
        if (!rf_mem_is_small_((uintptr_t)rf_link_of(o)))
            rf_ring_unlink_(rf_big_link_of(o));
    }
}

void rf_dealloc_(rf_object *o)
{
    rf_link *l = rf_link_of(o);
    unlink_object(o);
    if (rf_rt.dealloc_depth >= RF_TRASH_LIMIT) {
        l->next = rf_rt.trash;
        rf_rt.trash = l;
        return;
    }
    rf_rt.dealloc_depth++;
    destroy(o);
    rf_rt.dealloc_depth--;
    if (rf_rt.dealloc_depth == 0 && rf_rt.trash != NULL)
        drain_trash();
}
