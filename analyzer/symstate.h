/* symstate.h: one path's abstract state in the ownership engine.
 *
 * A state binds places (variables, temporaries, field paths) to symbols; a
 * symbol is one value the function handles: a reference (with how many
 * references this function owns on it and where it came from), an integer
 * (an interval, for status results), or an uninteresting pointer.
 *
 * Invariants:
 *  - every live symbol is bound to at least one place, except while an
 *    instruction is being applied (sstate_collect drops the unbound ones);
 *  - owned >= 0 and owned <= SYM_OWNED_MAX (counts beyond are widened to the
 *    maximum: "many", documented in the README);
 *  - a released symbol has owned == 0;
 *  - same_as, slot_of and held_by name symbols of the same state (renumbered
 *    with it);
 *  - provenance fields (names, locations) never take part in equality: two
 *    states that differ only in where things came from are the same state.
 *
 * Memory: states and their arrays live in the engine's per-function arena;
 * sstate_clone copies, nothing is freed alone.
 */
#ifndef REFFLOW_SYMSTATE_H
#define REFFLOW_SYMSTATE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "ir.h"

#define SYM_OWNED_MAX 4
#define SYM_INT_MIN (-(1LL << 60))
#define SYM_INT_MAX (1LL << 60)

typedef enum sym_kind { SK_REF, SK_INT, SK_PTR } sym_kind;

/* Where a reference came from; decides what releasing it means. */
typedef enum sym_origin {
    OR_NEW,       /* a new reference from a call (owned) */
    OR_BORROWED,  /* borrowed from a call or an out-parameter */
    OR_PARAM,     /* a parameter: borrowed from the caller */
    OR_FIELD,     /* read from a field through a pointer: the structure's */
    OR_GLOBAL,    /* a global object's address (&_Py_NoneStruct) */
    OR_GLOBAL_VAR, /* read from a global variable: the module's reference (like a field) */
    OR_NULLCONST, /* the NULL constant */
    OR_UNKNOWN,   /* no rule: never checked */
} sym_origin;

typedef enum sym_null { NN_UNKNOWN, NN_NONNULL, NN_NULL } sym_null;

enum sym_flag {
    SF_RELEASED = 1 << 0,  /* this function dropped its last reference */
    SF_STOLEN = 1 << 1,    /* given to a stealing argument */
    SF_ESCAPED = 1 << 2,   /* stored into the heap (a field, a global, *out) */
    SF_FALLIBLE = 1 << 3,  /* NULL because a fallible call failed */
    SF_ABSENT = 1 << 10,   /* with SF_FALLIBLE: a NULL that is not a failure (a
                              "new-or-null" result): no exception is pending */
    SF_OWED = 1 << 4,      /* given to a stealing argument without being owned: an
                              incref that follows pays for it ("store, then incref") */
    SF_GIVEN = 1 << 5,     /* inference pass only: a parameter stored into the heap
                              without being owned (engine_infer.c) */
    SF_IN_ARRAY = 1 << 6,  /* handed over to a local array: releasable through a
                              variable that still holds it */
    SF_FROM_SLOT = 1 << 7, /* read from an array slot through a pointer (a[i], p->items[i]) */
    SF_STORED_UNOWNED = 1 << 8, /* stored into the heap without being owned: an incref
                              that follows pays for the store (`self->ctx = ctx;
                              Py_INCREF(ctx);`), and the reference is the heap's */
    SF_KEPT = 1 << 9,      /* given to a "keep" argument (a container that took a
                              reference of its own): it outlives this function's release */
    SF_SLOT_READ = 1 << 11, /* read from an array slot through a pointer before any
                              count was set: a size-setter call after it makes it
                              SF_FROM_SLOT (deque_pop reads, then Py_SET_SIZE) */
    SF_REPLACES_READ = 1 << 13, /* stored into a scratch field (engine_place.c) whose
                              previous value this function had read on the path: it
                              replaces what it derived from (_PyCode_New's
                              `con->linetable = remove_column_info(con->linetable)`) */
    SF_LATE_PAID = 1 << 14, /* an incref paid for an unowned store of it more than a few
                              lines later (engine_call.c): a release or a steal that
                              follows takes the incref back as the function's own */
    SF_ALIAS_DROPPED = 1 << 12, /* a value of unknown origin found equal to this one was
                              released: one of this symbol's references may have gone
                              through that name (insertdict's `if (old_value != value)
                              ...; Py_XDECREF(old_value);`), or the other value's own */
};

typedef struct sym {
    uint8_t kind, origin, null;
    uint8_t maker;         /* the call that produced it, if a "cannot-fail ... from"
                              rule names that call: its producer number
                              (rules_producer), else 0. Unlike from, a fact: a
                              call may not fail because of it */
    uint8_t resolved;      /* bit b: it was argument K of a call that succeeded and
                              that the "cannot-fail ... after" rule of bit b lists
                              (rules_resolved_by): that rule's call cannot fail on it */
    uint16_t flags;
    int32_t owned;
    long long lo, hi;      /* SK_INT: value interval */
    int32_t same_as;       /* 1 + the index of a symbol this one was found equal to on
                              this path, or 0: a global object's (`if (unicode ==
                              empty)`: a release or a return through the global's name
                              is one through this symbol), or, for a value of unknown
                              origin, a tracked reference's (a release through this
                              one may be one of that reference's) (engine_branch.c) */
    int32_t slot_of;       /* 1 + the index of the container this value was read from
                              (an array slot through a pointer rooted at it), or 0 */
    int32_t held_by;       /* 1 + the index of the container a slot-setting call stole
                              this value into, or 0 (engine_giveback.c) */
    int32_t held_slot;     /* with held_by: the slot, if a constant; else -1 */
    /* provenance: never compared */
    const char *name;      /* last variable that held it, for messages */
    const char *from;      /* the call that produced it, or NULL */
    ir_loc origin_loc;
    ir_loc release_loc;    /* last release / steal */
    const char *release_by; /* the callee that stole it, or NULL for a decref */
    ir_loc owed_loc;       /* SF_OWED: where it was given away */
    const char *owed_by;   /* SF_OWED: the callee that took it */
    int uid;               /* stable identity across renumbering (trail events use it) */
    int param;             /* OR_PARAM: the parameter's index; else -1 */
} sym;

/* One event on a path, for the notes of a finding. Shared tails. */
typedef struct trail_event {
    struct trail_event *prev;
    ir_loc loc;
    const char *text;      /* "taking the true branch", "new reference acquired here" */
    int uid;               /* symbol uid it concerns, or -1 for every symbol (branches) */
    int depth;             /* number of events up to and including this one */
    bool acquire;          /* the symbol was acquired here (notes start here) */
} trail_event;

typedef struct sstate {
    int nplaces;
    int32_t *bind;         /* place index -> symbol index, or -1 */
    int nsyms, symcap;
    sym *syms;
    trail_event *trail;
    bool counted;          /* a count was set on this path (an int field store, a
                              size-setter call): array slots read after it are pops */
    bool err_set;          /* a call failed on this path (a new? result NULL, a status
                              < 0) and no error-clear call came after: an error is
                              set, so an error-check call (PyErr_Occurred) says yes */
    bool crashed;          /* a failed call's NULL was dereferenced: the program stops
                              here, the path ends */
} sstate;

/* The links of a symbol to others of its state (same_as, slot_of, held_by), by
 * number k < SYM_NLINKS. */
#define SYM_NLINKS 3
int32_t *sym_link(sym *y, int k);

sstate *sstate_new(arena *a, int nplaces);
/* A deep copy of s. engine.c's state_clone makes the same copy into the
 * arrays of a state whose path ended: a new array field goes into both. */
sstate *sstate_clone(arena *a, const sstate *s);
/* Adds a symbol (copied from *proto, given a fresh uid from *next_uid) and
 * returns its index. */
int sstate_add_sym(arena *a, sstate *s, const sym *proto, int *next_uid);
/* Is symbol i bound to some place? */
bool sstate_is_bound(const sstate *s, int i);
/* Drops the symbols no place refers to and renumbers the rest. */
void sstate_collect(arena *a, sstate *s);
/* Canonical hash and equality (bindings and symbol facts, not provenance). */
uint64_t sstate_hash(const sstate *s);
bool sstate_equal(const sstate *x, const sstate *y);
/* Appends an event to the path. */
void sstate_note(arena *a, sstate *s, ir_loc loc, const char *text, int uid, bool acquire);
/* One line describing the state, for REFFLOW_TRACE debugging. */
void sstate_dump(const sstate *s, FILE *out);

#endif
