/* engine_callsite.c: what callers show about a helper's arguments. A call
 * whose argument was incref'd just before it, in the same block
 * (`Py_INCREF(item); deque_appendleft_internal(deque, item, maxlen)`,
 * PDATA_APPEND), hands the helper a reference taken for it. Inference asks
 * for this evidence before it calls a helper that only stores an argument
 * a taker (engine_infer.c): storing alone is as often a borrowed link
 * (a weak reference's referent, a list of panels, the trashcan's chain).
 * A call whose argument is released right after it, in the same block
 * (`ok = uart_is_acme(np); of_node_put(np);`), says the caller kept its
 * reference: a helper that releases that argument is not a taker then.
 * A call that passes the caller's own parameter, not incref'd for it
 * (`return _PyModule_CreateInitialized(module, v)`), lends a borrowed
 * reference: a constructor that stores it is not a taker.
 * A caller that compares the call's result with a global object's address
 * (`if (obj != Py_None) Py_DECREF(obj);`) expects that global back as a
 * sentinel, without a reference (_ssl.c's _get_aia_uri).
 *
 * Assumes the unit's functions are scanned (engine_scan_calls) before any
 * is inferred; a unit never scanned has no evidence, so nothing is taken. */
#include <stdlib.h>
#include <string.h>

#include "engine_internal.h"

#define LOOKBACK 3 /* instructions between the incref and the call */

/* Is in an incref (delta > 0) or a release (delta < 0) of place p? */
static bool is_refcount_op(engine_tu *tu, const ir_instr *in, const ir_place *p, int delta) {
    if (in->kind == IR_REFCNT)
        return in->refcnt_delta * delta > 0 && in->src.kind == IR_OP_PLACE &&
               ir_place_equal(&in->src.place, p);
    if (in->kind != IR_CALL || in->nargs < 1 || in->args[0].kind != IR_OP_PLACE ||
        !ir_place_equal(&in->args[0].place, p))
        return false;
    const rule_fn *r = contract_for_callee(tu, &in->callee);
    return r && r->nparams >= 1 &&
           r->params[0].effect == (delta > 0 ? RULE_ARG_INCREF : RULE_ARG_DECREF);
}

static bool has_evidence(const engine_tu *tu, const char *callee, int k, call_evidence_kind kind) {
    for (int i = 0; i < tu->nevidence; i++)
        if (tu->evidence[i].arg == k && tu->evidence[i].kind == kind &&
            strcmp(tu->evidence[i].callee, callee) == 0)
            return true;
    return false;
}

static void add_evidence(engine_tu *tu, const char *callee, int k, call_evidence_kind kind) {
    if (has_evidence(tu, callee, k, kind))
        return;
    if (tu->nevidence == tu->evidencecap) {
        int cap = tu->evidencecap ? tu->evidencecap * 2 : 32;
        struct call_evidence *n = realloc(tu->evidence, sizeof *n * (size_t)cap);
        if (!n)
            return; /* no memory: less evidence, fewer takers inferred */
        tu->evidence = n;
        tu->evidencecap = cap;
    }
    tu->evidence[tu->nevidence].callee = callee;
    tu->evidence[tu->nevidence].arg = k;
    tu->evidence[tu->nevidence].kind = kind;
    tu->nevidence++;
}

static bool is_own_param(const ir_function *fn, const ir_place *p) {
    return p->kind == IR_PLACE_VAR && p->nsteps == 0 && p->var >= 0 && p->var < fn->nvars &&
           fn->vars[p->var].is_param;
}

/* Does some branch of fn compare variable place p with a global's address? */
static bool compared_with_global(const ir_function *fn, const ir_place *p) {
    for (int b = 0; b < fn->nblocks; b++) {
        const ir_term *t = &fn->blocks[b].term;
        if (t->kind == IR_TERM_BRANCH && t->cond.kind == IR_COND_CMP &&
            t->cond.rhs.kind == IR_OP_ADDR && t->cond.opnd.kind == IR_OP_PLACE &&
            ir_place_equal(&t->cond.opnd.place, p))
            return true;
    }
    return false;
}

static void scan_result(engine_tu *tu, const ir_function *fn, const ir_instr *call) {
    bool sentinel = call->dst.kind == IR_PLACE_VAR && call->dst.nsteps == 0 &&
                    compared_with_global(fn, &call->dst);
    add_evidence(tu, call->callee.name, -1,
                 sentinel ? EVIDENCE_RESULT_SENTINEL : EVIDENCE_RESULT_UNCOMPARED);
}

/* Is the argument at place p a temporary that a call just before made a new
 * reference in (`set_handler(i, Py_NewRef(h))`)? The caller took a reference
 * for the call, as with an incref. */
static bool made_for_call(engine_tu *tu, const ir_function *fn, const ir_block *b, int i,
                          const ir_place *p) {
    if (p->kind != IR_PLACE_VAR || p->nsteps || !fn->vars[p->var].is_temp)
        return false;
    for (int j = i - 1; j >= 0 && j >= i - LOOKBACK; j--) {
        const ir_instr *in = &b->instrs[j];
        if (in->kind != IR_CALL || !ir_place_equal(&in->dst, p))
            continue;
        const rule_fn *r = contract_for_callee(tu, &in->callee);
        return r && (r->ret == RULE_RET_NEW || r->ret == RULE_RET_NEW_OR_NULL ||
                     rules_returns_arg_new(r));
    }
    return false;
}

static void scan_call(engine_tu *tu, const ir_function *fn, const ir_block *b, int i) {
    const ir_instr *call = &b->instrs[i];
    if (call->kind != IR_CALL || !call->callee.name || !call->callee.defined_here)
        return;
    if (call->callee.returns_ref)
        scan_result(tu, fn, call);
    for (int k = 0; k < call->nargs; k++) {
        const ir_operand *a = &call->args[k];
        if (a->kind != IR_OP_PLACE || a->type != IR_VT_REF)
            continue;
        bool increfed = made_for_call(tu, fn, b, i, &a->place);
        for (int j = i - 1; j >= 0 && j >= i - LOOKBACK && !increfed; j--)
            increfed = is_refcount_op(tu, &b->instrs[j], &a->place, +1);
        if (increfed)
            add_evidence(tu, call->callee.name, k, EVIDENCE_INCREF_BEFORE);
        else if (is_own_param(fn, &a->place))
            add_evidence(tu, call->callee.name, k, EVIDENCE_OWN_PARAM);
        for (int j = i + 1; j < b->ninstrs && j <= i + LOOKBACK; j++)
            if (is_refcount_op(tu, &b->instrs[j], &a->place, -1)) {
                add_evidence(tu, call->callee.name, k, EVIDENCE_RELEASE_AFTER);
                break;
            }
    }
}

void engine_scan_calls(engine_tu *tu, const ir_function *fn) {
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b].ninstrs; i++)
            scan_call(tu, fn, &fn->blocks[b], i);
}

bool engine_has_incref_evidence(const engine_tu *tu, const char *callee, int k) {
    return has_evidence(tu, callee, k, EVIDENCE_INCREF_BEFORE);
}

bool engine_has_release_after(const engine_tu *tu, const char *callee, int k) {
    return has_evidence(tu, callee, k, EVIDENCE_RELEASE_AFTER);
}

bool engine_has_own_param_passed(const engine_tu *tu, const char *callee, int k) {
    return has_evidence(tu, callee, k, EVIDENCE_OWN_PARAM);
}

bool engine_result_is_compared_sentinel(const engine_tu *tu, const char *callee) {
    return has_evidence(tu, callee, -1, EVIDENCE_RESULT_SENTINEL) &&
           !has_evidence(tu, callee, -1, EVIDENCE_RESULT_UNCOMPARED);
}
