/* engine_internal.h: what the engine's files share (engine.c drives the
 * walk, engine_place.c maps places to indices and values, engine_call.c
 * interprets calls, engine_branch.c refines states on conditions,
 * contract.c resolves callees to rules). Not for use outside the engine. */
#ifndef REFFLOW_ENGINE_INTERNAL_H
#define REFFLOW_ENGINE_INTERNAL_H

#include "engine.h"
#include "symstate.h"

typedef enum call_evidence_kind {
    EVIDENCE_INCREF_BEFORE,  /* the caller increfs the argument just for the call */
    EVIDENCE_RELEASE_AFTER,  /* the caller releases the argument right after the call */
    EVIDENCE_OWN_PARAM,      /* the caller passes its own parameter, not incref'd for the
                                call: a reference it borrows (PyModule_Create2's def) */
    EVIDENCE_RESULT_SENTINEL, /* (arg -1) the caller compares the result with a global
                                 object's address (`obj != Py_None`) */
    EVIDENCE_RESULT_UNCOMPARED, /* (arg -1) ... and one that does not */
} call_evidence_kind;

struct engine_tu {
    const rule_set *rules;
    rule_set *local;         /* contracts from annotations and conventions */
    rule_set *summ;          /* summaries learned in this pass (engine_infer) */
    bool unsettled;          /* a summary of this unit was used before it was learned */
    engine_options opt;
    check_set all_checks;
    finding_list *out;
    engine_stats stats;
    struct call_evidence {   /* engine_callsite.c: what a call site shows about an argument */
        const char *callee;  /* the IR's string: lives as long as the unit's IR */
        int arg;
        call_evidence_kind kind;
    } *evidence;
    int nevidence, evidencecap;
};

typedef struct place_info {
    ir_place place;
    const char *key;
    int root_var;            /* -1 for globals */
    bool escapes;            /* storing an owned reference here gives it away */
    bool heap;               /* invalidated by unknown calls */
    bool has_steps;
    bool indexed;            /* a[i]: unless keyed, the index is not tracked, so
                                nothing is bound here */
    bool keyed;              /* a heap slot whose index is a constant or a local
                                variable (p->items[i], p->ob_item[0]): bound like a
                                field, forgotten when the variable is assigned or
                                another slot is stored to */
    int index_var;           /* keyed: the variable indexing it, or -1 */
    bool local_array;        /* an element of a local array (PyObject *stack[2]) */
    bool borrowed_link;      /* a field that holds no reference of its own: storing
                                into it hands nothing over (engine_place.c) */
} place_info;

/* A loop over a scratch container's slots that takes back what it holds
 * (engine_giveback.c). */
typedef struct giveback_loop {
    int container;                /* the variable holding the container */
    long long first_slot;         /* the slots it covers: from this one on */
    int start_block, start_instr; /* the loop variable's initial assignment */
    int incref_block, incref_instr; /* the incref in its body, or -1 (a NULL store) */
} giveback_loop;

typedef struct work_item {
    int block, instr;
    sstate *state;
} work_item;

typedef struct fn_ctx {
    engine_tu *tu;
    ir_function *fn;
    arena mem;
    place_info *places;
    int nplaces, placecap;
    int *hash;               /* open addressing: place key -> index + 1 */
    int hashcap;
    bool *index_addr_taken;  /* per var: its address is taken somewhere */
    const ir_place **temp_src; /* per var: for a temporary assigned once from a place
                                  without index (`tmp = a->ob_item`), that place: a
                                  keyed slot through it is keyed by it (engine_place.c) */
    int *keyed_places;       /* the keyed slots' place indices, -1 terminated */
    int **dependents;        /* per var: places rooted at it with steps, and keyed
                                slots it indexes; -1 terminated */
    int pending_null;        /* pseudo place: a failed call's NULL stored where NULL is
                                allowed, its error not yet checked (engine_call.c) */
    const rule_fn *self_rule;
    engine_contract_from contract_from;
    bool returns_new;
    int next_uid;
    check_ctx cctx;
    finding_list found;
    work_item *work;
    int nwork, workcap;
    sstate ***seen;          /* per block: states explored at entry */
    uint64_t **seenhash;     /* per block: sstate_hash of each seen state */
    int *nseen, *seencap;
    sstate **pool;           /* states whose path ended, for reuse (malloc'd) */
    int npool, poolcap;
    long long steps;
    struct site_key *sites;  /* reported sites (engine_site.c) */
    struct link *links;      /* owned links stored so far, on any path (engine_cycle.c) */
    int nlinks, linkcap;
    int nsites, sitecap;
    bool over_budget;
    bool probing;            /* inference pass: no findings, no hooks (engine_infer.c) */
    uint64_t released_params; /* probing: bit k: parameter k released without being owned */
    /* probing, bit k for parameter k: decref'd without being owned; given away
     * (stored into the heap or returned) on some path; still held at some
     * return; incref'd somewhere; returned (engine_infer.c). */
    uint64_t decref_params, given_params, kept_params, increfed_params, returned_params;
    /* probing, by the kind of return: stored into the heap at a success
     * return; still held at a success / failure return (an int result < 0
     * or a NULL result is a failure; a void return is a success). */
    uint64_t stored_ok_params, kept_ok_params, kept_fail_params;
    uint64_t stored_new_params; /* probing: stored into a field of an object it created */
    bool status_ok, status_fail, status_other; /* int results: >= 0, < 0, either */
    bool returned_owned, returned_borrowed, returned_unknown; /* probing: non-NULL returns */
    uint64_t returned_param_inc; /* probing: parameter returned with exactly the one
                                    reference this function took on it */
    bool returned_owned_other;   /* probing: some other owned reference is returned */
    bool returned_null;      /* probing: some path returns NULL */
    bool returned_ptr, returned_ptr_maybe_null; /* probing, a function returning a
                                pointer that is not a reference: some path returns
                                one; some path returns one not known to be non-NULL */
    bool trace;              /* REFFLOW_TRACE set: print each state explored */
    const char *budget_reason;
    uint8_t **loop_vars;     /* per loop head: bitset of the variables its loop assigns */
    uint8_t **loop_addr;     /* per loop head: bitset of the variables whose address a
                                call in its loop is given */
    giveback_loop *giveback; /* scratch-container loops (engine_giveback.c) */
    int ngiveback, givebackcap;
} fn_ctx;

/* engine.c: a copy of s, reusing the memory of a state whose path ended. */
sstate *state_clone(fn_ctx *c, const sstate *s);
/* s's path ended and nothing refers to s any more: its memory may be reused. */
void state_release(fn_ctx *c, sstate *s);

/* engine_place.c */
void places_build(fn_ctx *c);
int place_index(fn_ctx *c, const ir_place *p);
/* The symbol an operand evaluates to in s (may create an unbound one). */
int eval_operand(fn_ctx *c, sstate *s, const ir_operand *o);
/* Stores symbol v into place p (escape rules apply); reports the lost
 * previous value with reason why. */
void store_place(fn_ctx *c, sstate *s, int p, int v, ir_loc loc, lost_reason why);
/* Ends the life of place p (KILL), reporting a lost value. */
void kill_place(fn_ctx *c, sstate *s, int p, ir_loc loc, lost_reason why);
/* Before a release through operand o: a reference this function stored in
 * a field of a plain struct is its own again (engine_place.c). */
void take_back_from_scratch(fn_ctx *c, sstate *s, const ir_operand *o);
/* A slot-setting call's overwrite of the keyed slot `index` of container
 * (engine_place.c). */
void overwrite_slot(fn_ctx *c, sstate *s, const ir_operand *index, int container, int v,
                    ir_loc loc);
/* A call given object v may change its slots: forgets the keyed ones. */
void forget_slots_of(const fn_ctx *c, sstate *s, int v);
/* Is symbol v stored in a field or global on this path? References the
 * function still owns on it went to the structure (store, then incref). */
bool held_by_heap(const fn_ctx *c, const sstate *s, int v);
/* Forgets what the heap holds (after a call that may change it). */
void forget_heap(fn_ctx *c, sstate *s);
int new_sym(fn_ctx *c, sstate *s, const sym *proto);
/* The symbol found equal to global object g that a release or a return
 * through g's name acts on, or g (engine_place.c). */
int stand_in_for_global(const sstate *s, int g);
sym sym_proto(sym_kind k, sym_origin o, sym_null n);

/* engine.c */
void emit(fn_ctx *c, check_event *ev);
void push_work(fn_ctx *c, int block, int instr, sstate *s);
bool alive_elsewhere(const sym *y);

/* engine_giveback.c: scratch containers whose slots a loop takes back. */
void giveback_build(fn_ctx *c);
/* Is instruction (block, instr) such a loop's incref, on a container the
 * function made (it takes nothing)? */
bool giveback_takes_nothing(const fn_ctx *c, const sstate *s, int block, int instr);
/* After instruction (block, instr): if it starts such a loop, the values
 * the container holds from its first slot go back to their holders. */
void giveback_at(fn_ctx *c, sstate *s, int block, int instr);
/* A slot-setting call stole v into slot index of container k. */
void giveback_note_steal(fn_ctx *c, sstate *s, int v, int k, const ir_operand *index);
/* A slot-setting call stores into slot index of container k: a value held
 * there before is held there no more. */
void giveback_slot_replaced(const fn_ctx *c, sstate *s, int k, const ir_operand *index);
/* Does container k already hold v at that constant slot (a re-set)? */
bool giveback_same_slot(const fn_ctx *c, const sstate *s, int v, int k,
                        const ir_operand *index);

/* engine_call.c: applies a call; may push a second state (a split) to
 * continue at (block, instr + 1). Returns false if the path ends. */
bool apply_call(fn_ctx *c, sstate *s, const ir_instr *in, int block, int instr);
void apply_release(fn_ctx *c, sstate *s, int v, ir_loc loc, const char *callee, bool nullable);
void apply_incref(fn_ctx *c, sstate *s, int v, ir_loc loc, const char *callee, bool nullable);
void emit_use(fn_ctx *c, sstate *s, int v, ir_loc loc, use_how how, const char *callee,
              int arg, bool nullable_ok);
/* Reports a steal that was never paid for by an incref (see defer_steal). */
void settle_debt(fn_ctx *c, sstate *s, int v);
/* At a return: a NULL stored while its error is still pending is a
 * null-deref unless the function returns failure (NULL or negative). */
void settle_pending_null(fn_ctx *c, sstate *s, int ret);

/* engine_callsite.c: does some call in the unit incref argument k just
 * before passing it to callee? */
bool engine_has_incref_evidence(const engine_tu *tu, const char *callee, int k);
/* ... or release argument k right after the call? */
bool engine_has_release_after(const engine_tu *tu, const char *callee, int k);
/* ... or pass its own parameter without an incref for the call? */
bool engine_has_own_param_passed(const engine_tu *tu, const char *callee, int k);
/* Does every call of callee in the unit keep its result in a variable that
 * the caller compares with a global object's address (a sentinel such as
 * Py_None, which the callee returns without a reference)? */
bool engine_result_is_compared_sentinel(const engine_tu *tu, const char *callee);

/* engine_loop.c: per loop head, the variables the loop may change; widening
 * at a head forgets integer and pointer facts only of symbols bound there. */
void loops_build(fn_ctx *c);
void widen_loop_head(fn_ctx *c, sstate *s, int head);

/* engine_branch.c: the state on one side of a branch, or NULL if infeasible. */
sstate *refine_branch(fn_ctx *c, const sstate *s, const ir_cond *cond, bool taken);

/* contract.c */
#define CONTRACT_TAG_INFERRED RULES_FROM_INFERRED     /* origin of learned summaries */
#define CONTRACT_TAG_CONVENTION RULES_FROM_CONVENTION /* origin of convention contracts */
const rule_fn *contract_for_callee(engine_tu *tu, const ir_callee *callee);
const rule_fn *contract_for_self(engine_tu *tu, const ir_function *fn, engine_contract_from *from);
/* Is r a summary (learned or the convention) rather than a declaration (a
 * rule or annotation)? Summaries do not describe out-parameters. */
bool contract_is_summary(const rule_fn *r);
/* What callers of fn use (see engine_summary). */
const rule_fn *contract_summary(engine_tu *tu, const ir_function *fn, engine_contract_from *from);
/* The convention contract of fn (what inference starts from). */
const rule_fn *contract_convention(engine_tu *tu, const ir_function *fn);

/* engine_infer.c: the summary of a function defined here, inferred from
 * its body (parameters it releases or gives away without taking a
 * reference are stolen), registered in tu->summ. */
const rule_fn *infer_contract(fn_ctx *probe);
bool may_release_params(fn_ctx *c);
/* Does the function return a pointer that is not a reference (engine_infer.c)? */
bool returns_plain_pointer(const ir_callee *self);
/* Probing: what one return tells about the result and the parameters. */
void infer_note_return(fn_ctx *c, sstate *s, int ret);
/* Probing: event hooks for the parameter facts above. */
void infer_note_event(fn_ctx *c, const check_event *ev);
void infer_note_incref(fn_ctx *c, const sym *y);
void infer_note_store(fn_ctx *c, sym *y, bool into_new);
/* A directly recursive function: assume its result borrowed while probing
 * (the fixpoint's first step); the probe then decides. */
bool infer_assume_recursive(fn_ctx *probe);
void infer_restore(fn_ctx *probe);

/* engine_site.c: reports a site to the hooks, once per (kind, loc, arg). */
void report_site(fn_ctx *c, engine_site_kind kind, ir_loc loc, const sym *y, const char *callee,
                 int arg);

/* engine_cycle.c: who holds whom. A field store of an owned reference
 * (before it is handed over) and a call that puts a reference into a
 * container record a link; when the stored value already reaches the
 * holder through earlier links, an EV_LINK event reports the cycle. */
void link_field_store(fn_ctx *c, sstate *s, int p, int v, ir_loc loc);
void link_call(fn_ctx *c, sstate *s, const ir_instr *in, const int *args);

/* format_args.c: effects of variadic arguments from a format string. */
int format_effects(rule_varargs kind, const char *fmt, rule_param *out, int max);

#endif
