/* engine_infer.c: summaries learned from a function's own body, for
 * functions defined in the analyzed unit that have no rule or annotation
 * and that no file-scope table names (a method table's functions must
 * return new references: the protocol says so, and borrowed-return checks
 * them against it). Parameters: one the function gives to a stealing
 * argument on some path without first taking a reference of its own is
 * *stolen* (CPython's codec_tuple(decoded, n) handing `decoded` to
 * Py_BuildValue("N")); so is one it releases and never still holds at a
 * return, never incref'ing it (insertdict; finalize_iterator), unless a
 * caller releases it again right after the call; and one it stores on
 * every success path that a caller increfs for the call (Pdata_push).
 * The result of an object-returning function: one that only ever
 * returns NULL returns "null" (_setSSLError; and so its forwarders,
 * posix_error -> PyErr_SetFromErrno), and one whose every non-NULL result
 * is borrowed returns "borrowed" ("borrowed?" if some path returns NULL):
 * find_po, element_get_attrib, and a new reference it gave to a structure
 * or a stealing call on that path (add_submodule). A returned stolen
 * parameter is a new reference; one parameter returned on every path is
 * "argN". For an extern function, whose summary reaches every unit, a
 * result of unknown source or a parameter handed back among others makes
 * it "unknown" rather than a guess (inferred_ret). A static function
 * returning a pointer that is not a reference, known not to be NULL on
 * every return, returns "nonnull" (a module-state getter).
 * The summary is registered in the unit's summary set as "<inferred>" (or
 * "<convention>" when nothing was learned), so calls later in the unit,
 * and through the program table in other units, use it. A static function
 * is also checked against it; an extern one against the convention
 * (engine.h). Callers come after callees (fe_load). A directly recursive
 * function is probed assuming its own result borrowed (solid_base); if the
 * probe does not confirm that, it keeps the convention. Longer recursion
 * cycles, within or across files, are settled by passes to a fixpoint
 * (summary.h). */
#include <stdio.h>
#include <string.h>

#include "engine_internal.h"

static bool is_param_ref(const fn_ctx *c, const ir_operand *o) {
    return o->kind == IR_OP_PLACE && o->place.kind == IR_PLACE_VAR && o->place.nsteps == 0 &&
           c->fn->vars[o->place.var].is_param && o->type == IR_VT_REF;
}

/* Cheap syntactic test: is any parameter passed straight to a call, or
 * stored into the heap? Only then is the quiet inference pass worth running. */
bool may_release_params(fn_ctx *c) {
    for (int b = 0; b < c->fn->nblocks; b++)
        for (int i = 0; i < c->fn->blocks[b].ninstrs; i++) {
            const ir_instr *in = &c->fn->blocks[b].instrs[i];
            if (in->kind == IR_ASSIGN && (in->dst.is_heap || in->dst.kind == IR_PLACE_GLOBAL) &&
                is_param_ref(c, &in->src))
                return true;
            if (in->kind == IR_REFCNT && in->src.kind == IR_OP_PLACE &&
                in->src.place.nsteps == 0 && c->fn->vars[in->src.place.var].is_param)
                return true;
            if (in->kind != IR_CALL)
                continue;
            for (int a = 0; a < in->nargs; a++)
                if (is_param_ref(c, &in->args[a]))
                    return true;
        }
    return false;
}

/* The one parameter in b (exactly one bit, not stolen) if the convention
 * says it borrows; else -1. */
static int single_borrowed_param(const fn_ctx *p, uint64_t b, uint64_t stolen) {
    if (!b || (b & (b - 1)) || (b & stolen))
        return -1;
    int k = __builtin_ctzll(b);
    const rule_fn *old = p->self_rule;
    return old && k < old->nparams && old->params[k].effect == RULE_ARG_BORROW ? k : -1;
}

/* One parameter incref'd and returned on every path, and nothing else
 * (`Py_INCREF(ob); return ob;`): "argN" with argument N "incref", so the
 * caller's result is the same object as its argument. */
static int only_param_returned_new(const fn_ctx *p, uint64_t stolen) {
    uint64_t b = p->returned_param_inc;
    if (p->returned_params || p->returned_borrowed || p->returned_null || p->returned_unknown ||
        p->returned_owned_other || (b & (p->decref_params | p->released_params)))
        return -1;
    return single_borrowed_param(p, b, stolen);
}

/* One parameter returned on every non-NULL path, and nothing else: "argN". */
static int only_param_returned(const fn_ctx *p, uint64_t stolen) {
    if (p->returned_borrowed || p->returned_null)
        return -1;
    return single_borrowed_param(p, p->returned_params, stolen);
}

/* Does the function return a pointer that is not a reference? */
bool returns_plain_pointer(const ir_callee *self) {
    return !self->returns_ref && !self->returns_int && !self->returns_void;
}

/* A static function whose every return is a pointer known not to be NULL
 * (`return &state;`, or PyModule_GetState's result in a unit whose module
 * state always exists): "nonnull". Only a static one: an extern summary
 * reaches the database, whose schema has no word for it. */
static bool returns_nonnull(const fn_ctx *p) {
    return p->fn->self.is_static && returns_plain_pointer(&p->fn->self) && p->returned_ptr &&
           !p->returned_ptr_maybe_null;
}

static const char *inferred_ret(const fn_ctx *p, uint64_t stolen, char *buf, size_t len) {
    const rule_fn *old = p->self_rule;
    const char *keep = old ? rule_ret_name(old->ret) : "value";
    bool owned = p->returned_owned || (p->returned_params & stolen);
    bool borrowed = p->returned_borrowed || (p->returned_params & ~stolen);
    int k = only_param_returned(p, stolen);
    if (!p->fn->self.returns_ref)
        return returns_nonnull(p) ? "nonnull" : keep;
    if (!p->fn->self.is_static &&
        (p->returned_unknown || (k < 0 && (p->returned_params & ~stolen))))
        return "unknown";
    if (owned || p->returned_unknown)
        return keep;
    if (!borrowed)
        return "null";
    if (k >= 0) {
        snprintf(buf, len, "arg%d", k + 1);
        return buf;
    }
    return p->returned_null ? "borrowed?" : "borrowed";
}

/* Parameters the function takes over: given to a stealing argument without
 * a reference of its own on some path; or released (on some path, and
 * given away on the others: insertdict stores key and value on success and
 * releases them on failure), held at no return and never incref'd. On
 * CPython the release-only helpers are nearly all consumers
 * (finalize_iterator, _steal_accumulate, gen_new_with_qualname); one is an
 * over-release only if a caller still releases the argument after the
 * call (engine_callsite.c), and then it stays borrowed and is reported in
 * its body. */
typedef bool (*evidence_fn)(const engine_tu *tu, const char *callee, int k);

/* The parameters of bits for which the callers' evidence says `want`. */
static uint64_t by_evidence(const fn_ctx *p, uint64_t bits, evidence_fn has, bool want) {
    for (int k = 0; k < 64; k++)
        if ((bits >> k & 1) && has(p->tu, p->fn->name, k) != want)
            bits &= ~(1ULL << k);
    return bits;
}

static uint64_t stolen_params(const fn_ctx *p) {
    uint64_t b = p->decref_params & ~p->kept_params & ~p->increfed_params;
    /* a caller that releases after the call kept its reference; one given
     * away and incref'd (`PyTuple_SET_ITEM(t, 0, x); Py_INCREF(x);`, or a
     * scratch tuple's slots incref'd back before it is freed) is borrowed */
    return (p->released_params & ~p->increfed_params) |
           by_evidence(p, b, engine_has_release_after, false);
}

/* Parameters taken over by storing alone: stored into the heap on every
 * success return, never incref'd, released or returned (deque's
 * appendleft_internal, elementtree's _set_joined_ptr). Stolen outright if
 * no failure return still holds them; stolen on success if a failure
 * return does and the int result is a clean status (< 0 failure, >= 0
 * success): Pdata_push's failure keeps obj, so its callers must release;
 * likewise for an object result that is NULL on failure. Only with a
 * caller that increfs the argument for the call (engine_callsite.c), or
 * when the function stores it into a field of an object it created (a
 * constructor: make_range_object's obj->start = start; the object's
 * dealloc releases its fields) and no caller lends it its own parameter. */
static uint64_t stored_params(const fn_ctx *p) {
    uint64_t b = p->stored_ok_params & ~p->kept_ok_params & ~p->increfed_params &
                 ~p->decref_params & ~p->returned_params & ~p->released_params;
    /* storing alone is as often a borrowed link: ask the callers */
    uint64_t in_new = by_evidence(p, b & p->stored_new_params, engine_has_own_param_passed, false);
    return by_evidence(p, b & ~in_new, engine_has_incref_evidence, true) | in_new;
}

/* Does the result tell success from failure: an int that is < 0 exactly on
 * failure, or an object that is NULL exactly on failure? */
static bool clean_status(const fn_ctx *p) {
    if (p->fn->self.returns_ref)
        return p->returned_null && (p->returned_owned || p->returned_borrowed);
    return p->fn->self.returns_int && p->status_ok && p->status_fail && !p->status_other;
}

/* Registers "fn NAME RET ARG..." from old's arguments: stolen ones "steal?",
 * on_success ones "steal-on-success?", argument inc (if >= 0) "incref". */
static const rule_fn *register_line(fn_ctx *probe, const rule_fn *old, const char *ret,
                                    uint64_t stolen, uint64_t on_success, int inc,
                                    const char *tag) {
    char line[2048];
    int n = snprintf(line, sizeof line, "fn %s %s", probe->fn->name, ret);
    int np = old ? old->nparams : 0;
    for (int k = 0; k < np && n < (int)sizeof line - 24; k++) {
        bool st = k < 64 && (stolen >> k & 1), ok = k < 64 && (on_success >> k & 1);
        n += snprintf(line + n, sizeof line - (size_t)n, " %s",
                      ok ? "steal-on-success?" : st ? "steal?" : k == inc ? "incref"
                                                    : rule_arg_name(old->params[k].effect));
        st |= ok;
        if (!st && old->params[k].nullable && old->params[k].effect != RULE_ARG_IGNORE)
            n += snprintf(line + n, sizeof line - (size_t)n, "?");
    }
    if (old && old->varargs != RULE_VA_NONE)
        snprintf(line + n, sizeof line - (size_t)n, " %s", rule_varargs_name(old->varargs));
    char err[256];
    if (!rules_parse(probe->tu->summ, tag, line, err, sizeof err))
        return NULL;
    return rules_lookup(probe->tu->summ, probe->fn->name);
}

const rule_fn *infer_contract(fn_ctx *probe) {
    const rule_fn *old = probe->self_rule;
    uint64_t stored = stored_params(probe);
    uint64_t on_success = clean_status(probe) ? stored & probe->kept_fail_params : 0;
    uint64_t stolen = stolen_params(probe) | (stored & ~probe->kept_params);
    char buf[16];
    const char *ret = inferred_ret(probe, stolen, buf, sizeof buf);
    if (on_success && !probe->fn->self.returns_ref)
        ret = "status";
    else if (on_success && strcmp(ret, "new?") != 0 && strcmp(ret, "borrowed?") != 0)
        on_success = 0; /* "unknown", "arg1": no way to say which results succeed */
    int inc = on_success ? -1 : only_param_returned_new(probe, stolen);
    if (inc >= 0) {
        snprintf(buf, sizeof buf, "arg%d", inc + 1);
        ret = buf;
    }
    if (!stolen && !on_success && inc < 0 && old && strcmp(ret, rule_ret_name(old->ret)) == 0)
        return rules_add_copy(probe->tu->summ, old, CONTRACT_TAG_CONVENTION);
    return register_line(probe, old, ret, stolen, on_success, inc, CONTRACT_TAG_INFERRED);
}

void infer_restore(fn_ctx *probe) {
    if (probe->self_rule)
        rules_add_copy(probe->tu->summ, probe->self_rule, CONTRACT_TAG_CONVENTION);
}

static bool calls_itself(const ir_function *fn) {
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b].ninstrs; i++) {
            const ir_instr *in = &fn->blocks[b].instrs[i];
            if (in->kind == IR_CALL && in->callee.name && strcmp(in->callee.name, fn->name) == 0)
                return true;
        }
    return false;
}

bool infer_assume_recursive(fn_ctx *probe) {
    if (!probe->fn->self.returns_ref || !calls_itself(probe->fn))
        return false;
    return register_line(probe, probe->self_rule, "borrowed", 0, 0, -1, CONTRACT_TAG_INFERRED) !=
           NULL;
}

static bool param_bit(const sym *y, uint64_t *bits) {
    if (y->kind != SK_REF || y->origin != OR_PARAM || y->param < 0 || y->param >= 64)
        return false;
    *bits |= 1ULL << y->param;
    return true;
}

/* A parameter's value no longer held by any place (overwritten: `repr =
 * PyUnicode_FromFormat(...)` after `Py_DECREF(repr)`) is kept, unless it
 * was released or given away first on this path. */
static void note_lost_param(fn_ctx *c, const sym *y) {
    uint64_t bit = 0;
    if (!(y->flags & (SF_RELEASED | SF_STOLEN | SF_OWED | SF_GIVEN | SF_ESCAPED |
                      SF_ALIAS_DROPPED)) &&
        param_bit(y, &bit))
        c->kept_params |= bit;
}

void infer_note_event(fn_ctx *c, const check_event *ev) {
    const sym *y = ev->sym;
    if (ev->kind == EV_LOST) {
        note_lost_param(c, y);
        return;
    }
    if (ev->kind != EV_RELEASE || y->owned != 0 || (y->flags & (SF_RELEASED | SF_STOLEN)))
        return;
    param_bit(y, ev->release == REL_STEAL ? &c->released_params : &c->decref_params);
}

void infer_note_incref(fn_ctx *c, const sym *y) {
    param_bit(y, &c->increfed_params);
}

void infer_note_store(fn_ctx *c, sym *y, bool into_new) {
    uint64_t bit = 0;
    if (y->owned == 0 && param_bit(y, &bit)) {
        c->given_params |= bit;
        if (into_new)
            c->stored_new_params |= bit;
        y->flags |= SF_GIVEN;
    }
}

/* A returned reference the function handed to a structure or a stealing
 * call is held there: the caller gets it borrowed (add_submodule returns
 * the module PyModule_AddObject took). */
static void note_result(fn_ctx *c, const sym *y) {
    if (y->kind != SK_REF)
        return;
    if (y->null == NN_NULL) {
        c->returned_null = true;
        return;
    }
    uint64_t dummy = 0;
    if (y->owned == 1 && param_bit(y, &c->returned_param_inc))
        c->returned_owned = true;
    else if (y->owned > 0)
        c->returned_owned = c->returned_owned_other = true;
    else if (param_bit(y, &dummy))
        c->returned_params |= dummy;
    else if (y->origin == OR_NEW && (y->flags & (SF_STOLEN | SF_ESCAPED | SF_RELEASED)))
        c->returned_borrowed = true; /* handed away or released first (get_weak_cache's
                                        `Py_XDECREF(cache); return cache;`): the caller
                                        gets no reference; the body's use after release
                                        is reported where it is */
    else if (y->origin == OR_UNKNOWN || y->origin == OR_NEW)
        c->returned_unknown = true;
    else
        c->returned_borrowed = true;
}

/* Is this return a failure (a negative int, a NULL reference)? Notes what
 * an int result says about the function being status-returning. */
static bool failure_return(fn_ctx *c, const sym *r) {
    if (!r)
        return false;
    if (r->kind == SK_REF)
        return r->null == NN_NULL;
    if (r->kind != SK_INT)
        return false;
    if (r->hi < 0) {
        c->status_fail = true;
        return true;
    }
    if (r->lo >= 0)
        c->status_ok = true;
    else
        c->status_other = true;
    return false;
}

void infer_note_return(fn_ctx *c, sstate *s, int ret) {
    const sym *r = ret >= 0 ? &s->syms[ret] : NULL;
    if (r)
        note_result(c, r);
    c->returned_ptr = true;
    c->returned_ptr_maybe_null |= !r || r->null != NN_NONNULL;
    bool failed = failure_return(c, r);
    for (int v = 0; v < s->nsyms; v++) {
        const sym *y = &s->syms[v];
        if (y->kind != SK_REF || y->origin != OR_PARAM || y->param < 0 || y->param >= 64 ||
            !sstate_is_bound(s, v) || y->null == NN_NULL) /* a NULL holds nothing */
            continue;
        bool gone =
            (y->flags & (SF_RELEASED | SF_STOLEN | SF_OWED | SF_GIVEN | SF_ALIAS_DROPPED)) ||
            v == ret;
        if (v == ret)
            c->given_params |= 1ULL << y->param;
        uint64_t bit = 1ULL << y->param;
        if (!gone)
            c->kept_params |= bit;
        if (!gone)
            *(failed ? &c->kept_fail_params : &c->kept_ok_params) |= bit;
        if (!failed && (y->flags & SF_GIVEN) && v != ret)
            c->stored_ok_params |= bit;
    }
}
