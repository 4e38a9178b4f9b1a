/* rf/object.h: objects, types, and the reference-count primitives.
 *
 * Assumes: single-threaded use; <rf/annotations.h> included before.
 *
 * Invariants:
 * - Every object starts with rf_object (user structs put RF_OBJECT_HEAD
 *   first). rf_refcnt is the number of owned references to it; an object is
 *   alive exactly while rf_refcnt >= 1.
 * - When rf_refcnt drops to 0 the object is destroyed at once: its type's
 *   dealloc (or, if none, clear) releases the references it holds, then the
 *   runtime frees its memory. Nested destructions deeper than a fixed limit
 *   are queued and run by the outermost one (the "trashcan"), so releasing
 *   the head of an arbitrarily long chain uses bounded C stack.
 * - An object whose type has a traverse is tracked by the cycle collector
 *   from rf_new until it is destroyed (see <rf/gc.h>).
 * - Objects are created only by rf_new and the built-in constructors; their
 *   memory belongs to the runtime and must never be freed by hand.
 *
 * The macros expand to calls of the static inline functions below; the
 * analyzer reads those functions' annotations (names and payloads fixed).
 */
#ifndef RF_OBJECT_H
#define RF_OBJECT_H

#include <stddef.h>
#include <stdint.h>

typedef struct rf_type rf_type;

typedef struct rf_object {
    intptr_t rf_refcnt;
    rf_type *rf_type;
} rf_object;

/* First member of every user-defined object struct. */
#define RF_OBJECT_HEAD rf_object ob_base;

/* Calls visit on each reference the object owns (NULLs may be skipped or
 * passed); stops and returns visit's result if it is non-zero. */
typedef int (*rf_visitproc)(rf_object *child, void *arg);
typedef int (*rf_traverseproc)(rf_object *self, rf_visitproc visit, void *arg);
/* Drops the references the object owns (sets its fields to NULL first, as
 * RF_CLEAR does); the object stays valid. Used to break cycles. */
typedef void (*rf_clearproc)(rf_object *self);
/* Releases everything the object owns; must not free the object itself and
 * must not resurrect it. */
typedef void (*rf_deallocproc)(rf_object *self);

/* Type flags. */
#define RF_TPFLAGS_GC (1UL << 0)      /* tracked by the collector (set by the runtime
                                         when traverse != NULL) */
#define RF_TPFLAGS_READY (1UL << 1)   /* registered by the runtime on first use */

struct rf_type {
    const char *name;        /* for messages, dumps and leak reports */
    size_t size;             /* of the object struct, >= sizeof(rf_object) */
    rf_deallocproc dealloc;  /* optional; default: clear, if any */
    rf_traverseproc traverse;/* optional; non-NULL makes the type a GC container */
    rf_clearproc clear;      /* required when traverse is set */
    unsigned long flags;     /* RF_TPFLAGS_* */
    /* Maintained by the runtime; zero-initialize. */
    size_t rf_nlive;         /* live objects of this type */
    rf_type *rf_next_type;   /* registry of types in use */
};

/* Out-of-line parts of the primitives: not API, do not call directly. */
void rf_dealloc_(rf_object *o);
void rf_debug_bad_refcnt_(rf_object *o, const char *op);

/* Adds an owned reference to o (not NULL). */
RF_INCREFS(1) static inline void rf_incref(rf_object *o)
{
#ifdef RF_DEBUG
    if (o->rf_refcnt <= 0) {
        rf_debug_bad_refcnt_(o, "RF_INCREF");
        return;
    }
#endif
    o->rf_refcnt++;
}

/* Like rf_incref; NULL is ignored. */
RF_XINCREFS(1) static inline void rf_xincref(rf_object *o)
{
    if (o != NULL)
        rf_incref(o);
}

/* Releases one owned reference to o (not NULL); destroys o at zero. */
RF_DECREFS(1) static inline void rf_decref(rf_object *o)
{
#ifdef RF_DEBUG
    if (o->rf_refcnt <= 0) {
        rf_debug_bad_refcnt_(o, "RF_DECREF");
        return;
    }
#endif
    if (--o->rf_refcnt == 0)
        rf_dealloc_(o);
}

/* Like rf_decref; NULL is ignored. */
RF_XDECREFS(1) static inline void rf_xdecref(rf_object *o)
{
    if (o != NULL)
        rf_decref(o);
}

/* Returns o with one more reference: a new reference the caller owns. */
RF_NEW_REF_NONNULL RF_BORROWS(1) static inline rf_object *rf_newref(rf_object *o)
{
    rf_incref(o);
    return o;
}

#define RF_INCREF(o) rf_incref((rf_object *)(o))
#define RF_XINCREF(o) rf_xincref((rf_object *)(o))
#define RF_DECREF(o) rf_decref((rf_object *)(o))
#define RF_XDECREF(o) rf_xdecref((rf_object *)(o))
#define RF_CLEAR(op)                                  \
    do {                                              \
        rf_object *rf_tmp_ = (rf_object *)(op);       \
        if (rf_tmp_ != NULL) {                        \
            (op) = NULL;                              \
            rf_decref(rf_tmp_);                       \
        }                                             \
    } while (0)
#define RF_SETREF(dst, src)                           \
    do {                                              \
        rf_object *rf_tmp_ = (rf_object *)(dst);      \
        (dst) = (src);                                \
        rf_decref(rf_tmp_);                           \
    } while (0)

#define RF_TYPE(o) (((rf_object *)(o))->rf_type)
#define RF_REFCNT(o) (((rf_object *)(o))->rf_refcnt)

/* A new object of the given type: zero-filled beyond the header, refcount 1,
 * owned by the caller; tracked by the collector when type->traverse is set.
 * The type is registered on first use and must stay valid for the rest of
 * the process (give it static storage duration). NULL with RF_ERR_NOMEM on failure, or
 * RF_ERR_TYPE for a bad type (size too small, traverse without clear). */
RF_NEW_REF rf_object *rf_new(rf_type *type);

#endif
