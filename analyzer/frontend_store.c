/* frontend_store.c: the stores that a rule's "store" arguments stand for.
 *
 * A rule (or a declaration's annotation "refflow:argN=store") may say that
 * the callee writes an argument into memory of its own: Py_SET_TYPE(ob, t)
 * is `ob->ob_type = t` ("store"), _Py_hashtable_set keeps its value in the
 * table when it succeeds ("store-on-success", RET status or truth). The
 * engine sees such an argument as borrowed; the front end adds the store
 * after the call, as `*p = arg` through a fresh pointer nothing else names,
 * so an owned reference given there is handed over like one stored into a
 * field, and a borrowed one stays borrowed. A store on success goes on the
 * branch where the call's result says it succeeded (>= 0 for status,
 * non-zero for truth), which the engine keeps consistent with the caller's
 * own test of that result.
 */
#include "frontend_lower.h"

#include <stdio.h>
#include <string.h>

static bool names_store(const ir_callee *c) {
    for (int k = 0; k < c->nannots; k++)
        if (strstr(c->annots[k], "=store"))
            return true;
    return false;
}

/* The callee's rule when it has "store" arguments: a rule file's line, or
 * one read off its refflow annotations ("argN=store"); else NULL. */
static const rule_fn *store_rule(fe_ctx *cx, const ir_callee *c) {
    const rule_set *rs = cx->tu->opt->rules;
    const rule_fn *r = c->name && rs ? rules_lookup(rs, c->name) : NULL;
    if (r || !c->name || !names_store(c))
        return r && r->stores ? r : NULL;
    fe_tu *t = cx->tu;
    if (!t->annot_rules)
        t->annot_rules = rules_new();
    r = rules_lookup(t->annot_rules, c->name);
    char err[256];
    if (!r && !rules_from_annotations(t->annot_rules, c->name, c->annots, c->nannots,
                                      c->nparams > 0 ? c->nparams : 0, c->decl.file,
                                      (int)c->decl.line, &r, err, sizeof err))
        return NULL; /* the engine reports the bad annotation */
    return r && r->stores ? r : NULL;
}

/* `*p = a` through a pointer nothing else names (the callee's own memory:
 * ob->ob_type for Py_SET_TYPE, a table's slot). */
static void emit_store(fe_ctx *cx, ir_operand a, ir_loc loc) {
    ir_place heap = ir_place_var(cx->f, fe_temp(cx, IR_VT_PTR));
    heap = ir_place_step(cx->f, heap, IR_STEP_DEREF, NULL, IR_VT_REF);
    ir_instr *in = fe_emit(cx, IR_ASSIGN, loc);
    in->dst = heap;
    in->src = a;
}

/* The condition "the call succeeded" on its int result res (status: >= 0,
 * truth: non-zero). */
static ir_cond success_cond(const rule_fn *r, ir_place res, ir_loc loc) {
    ir_cond c = {0};
    c.opnd = (ir_operand){.kind = IR_OP_PLACE, .place = res, .type = IR_VT_INT, .loc = loc};
    if (r->ret == RULE_RET_TRUTH) {
        c.kind = IR_COND_TRUTH;
        return c;
    }
    c.kind = IR_COND_CMP;
    c.cmp = IR_GE;
    c.rhs = (ir_operand){.kind = IR_OP_INT, .ival = 0, .type = IR_VT_INT, .loc = loc};
    return c;
}

/* Argument i's store kind (0: none, 1: store, 2: on success) if it is a reference. */
static int store_of(const rule_fn *r, const ir_operand *args, int i) {
    if (i >= r->nparams || i >= 32 || !(r->stores >> i & 1u) || args[i].type != IR_VT_REF)
        return 0;
    return (r->stores_on_success >> i & 1u) ? 2 : 1;
}

/* Emitting may move the call's instruction: call is not used after the
 * first store. */
static ir_place lower_stores(fe_ctx *cx, ir_instr *call, const rule_fn *r, ir_loc loc) {
    const ir_operand *args = call->args;
    int n = call->nargs;
    bool on_success = false;
    for (int i = 0; i < n; i++)
        on_success = on_success || store_of(r, args, i) == 2;
    if (on_success && call->dst.kind == IR_PLACE_NONE)
        call->dst = ir_place_var(cx->f, fe_temp(cx, IR_VT_INT));
    ir_place res = call->dst;
    for (int i = 0; i < n; i++)
        if (store_of(r, args, i) == 1)
            emit_store(cx, args[i], loc);
    if (!on_success)
        return res;
    int yes = fe_new_block(cx), join = fe_new_block(cx);
    fe_branch(cx, success_cond(r, res, loc), yes, join, loc);
    fe_set_block(cx, yes);
    for (int i = 0; i < n; i++)
        if (store_of(r, args, i) == 2)
            emit_store(cx, args[i], loc);
    fe_goto(cx, join);
    fe_set_block(cx, join);
    return res;
}

ir_place fe_call_stores(fe_ctx *cx, ir_instr *call, ir_loc loc) {
    const rule_fn *r = store_rule(cx, &call->callee);
    return r ? lower_stores(cx, call, r, loc) : call->dst;
}
