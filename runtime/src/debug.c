/* debug.c: debug-mode support: the debug stream, refcount-underflow
 * reports, the quarantine of freed objects, and forced allocation failure.
 *
 * Assumes: RF_DEBUG is defined for debug builds (the rf_debug target); in
 * release builds the hooks are inert. Single-threaded use.
 *
 * Quarantine: a destroyed object's block is not freed at once; its header
 * keeps the type with refcount 0 (the body is poisoned with 0xDB), and it
 * waits in a ring of RF_QUARANTINE blocks. So a late RF_DECREF/RF_INCREF of
 * a recently freed object finds refcount 0 and a readable type name.
 */
#include <stdlib.h>
#include <string.h>

#include "error_internal.h"
#include "mem_internal.h"
#include "object_internal.h"

#define RF_QUARANTINE 4096

long rf_debug_allow_ = -1;
static FILE *debug_stream;
static int abort_on_error;

FILE *rf_debug_stream_(void)
{
    return debug_stream != NULL ? debug_stream : stderr;
}

void rf_debug_set_stream(FILE *out)
{
    debug_stream = out;
}

void rf_debug_set_abort(int on)
{
    abort_on_error = on;
}

int rf_debug_enabled(void)
{
#ifdef RF_DEBUG
    return 1;
#else
    return 0;
#endif
}

void rf_debug_bad_refcnt_(rf_object *o, const char *op)
{
    const char *name = o->rf_type != NULL && o->rf_type->name != NULL ? o->rf_type->name : "?";
    fprintf(rf_debug_stream_(),
            "rf: refcount underflow: %s on %s object %p whose refcount is %ld "
            "(already freed?)\n",
            op, name, (void *)o, (long)o->rf_refcnt);
    fflush(rf_debug_stream_());
    rf_error_set_(RF_ERR_UNDERFLOW, "refcount underflow: %s on %s object %p", op, name, (void *)o);
    if (abort_on_error)
        abort();
}

/* --- forced allocation failure --- */

int rf_debug_alloc_refused_(void)
{
    if (rf_debug_allow_ == 0) {
        rf_error_set_(RF_ERR_NOMEM, "out of memory (forced by rf_debug_fail_after)");
        return 1;
    }
    rf_debug_allow_--;
    return 0;
}

long rf_debug_fail_after(long n)
{
#ifdef RF_DEBUG
    long before = rf_debug_allow_;
    rf_debug_allow_ = n < 0 ? -1 : n;
    return before;
#else
    (void)n;
    return -1;
#endif
}

/* --- quarantine --- */

#ifdef RF_DEBUG
static void *quarantine[RF_QUARANTINE];
static size_t quarantine_next;
#endif

void rf_debug_quarantine_(rf_object *o, void *block)
{
#ifdef RF_DEBUG
    size_t body = rf_mem_usable_size(block) - (size_t)((char *)o - (char *)block);
    memset((char *)o + sizeof(rf_object), 0xDB, body - sizeof(rf_object));
    memset(block, 0xDB, (size_t)((char *)o - (char *)block));
    o->rf_refcnt = 0;
    void *old = quarantine[quarantine_next];
    quarantine[quarantine_next] = block;
    quarantine_next = (quarantine_next + 1) % RF_QUARANTINE;
    rf_mem_free(old);
#else
    (void)o;
    rf_mem_free(block);
#endif
}

void rf_debug_flush_quarantine_(void)
{
#ifdef RF_DEBUG
    for (size_t i = 0; i < RF_QUARANTINE; i++) {
        rf_mem_free(quarantine[i]);
        quarantine[i] = NULL;
    }
#endif
}
