/* engine_branch.c: learning from a branch. A condition on a reference
 * (x, !x, x == NULL) fixes its nullness on each side; a condition on an
 * integer (r < 0, r == 0) narrows its interval. A side whose facts
 * contradict the state is infeasible and not explored. Conditions the IR
 * does not model leave both sides feasible and unchanged. */
#include "engine_internal.h"

static bool refine_null(sym *y, bool nonnull) {
    if (nonnull) {
        if (y->null == NN_NULL)
            return false;
        y->null = NN_NONNULL;
        y->flags &= (uint8_t)~SF_FALLIBLE;
    } else {
        if (y->null == NN_NONNULL)
            return false;
        y->null = NN_NULL;
        if (y->owned > 0 && y->origin != OR_UNKNOWN)
            y->owned = 0; /* a NULL holds no reference */
    }
    return true;
}

static bool intersect(sym *y, long long lo, long long hi) {
    if (lo > y->lo)
        y->lo = lo;
    if (hi < y->hi)
        y->hi = hi;
    return y->lo <= y->hi;
}

static bool refine_ne(sym *y, long long k) {
    if (y->lo == k && y->hi == k)
        return false;
    if (y->lo == k)
        y->lo++;
    else if (y->hi == k)
        y->hi--;
    return true;
}

/* Integer comparison y CMP k holds (truth = true) or fails. */
static bool refine_int(sym *y, ir_cmp cmp, long long k, bool truth) {
    if (!truth) { /* negate the comparison */
        static const ir_cmp neg[] = {IR_NE, IR_EQ, IR_GE, IR_GT, IR_LE, IR_LT};
        cmp = neg[cmp];
    }
    switch (cmp) {
    case IR_EQ: return intersect(y, k, k);
    case IR_NE: return refine_ne(y, k);
    case IR_LT: return intersect(y, SYM_INT_MIN, k - 1);
    case IR_LE: return intersect(y, SYM_INT_MIN, k);
    case IR_GT: return intersect(y, k + 1, SYM_INT_MAX);
    case IR_GE: return intersect(y, k, SYM_INT_MAX);
    }
    return true;
}

static bool refine_truth(sym *y, bool truth) {
    if (y->kind == SK_INT)
        return refine_int(y, IR_NE, 0, truth);
    return refine_null(y, truth);
}

static bool refine_cmp(sym *y, const ir_cond *cond, bool truth) {
    if (cond->rhs.kind == IR_OP_ADDR) { /* x == &global: equal means not NULL */
        bool equal = cond->cmp == IR_EQ ? truth : !truth;
        return equal ? refine_null(y, true) : true;
    }
    bool against_null = cond->rhs.kind == IR_OP_NULL ||
                        (cond->rhs.kind == IR_OP_INT && cond->rhs.ival == 0 && y->kind != SK_INT);
    if (against_null) {
        if (cond->cmp == IR_EQ)
            return refine_null(y, !truth);
        if (cond->cmp == IR_NE)
            return refine_null(y, truth);
        return true;
    }
    if (cond->rhs.kind != IR_OP_INT || y->kind != SK_INT)
        return true;
    return refine_int(y, cond->cmp, cond->rhs.ival, truth);
}

sstate *refine_branch(fn_ctx *c, const sstate *s, const ir_cond *cond, bool taken) {
    sstate *n = state_clone(c, s);
    if (cond->kind == IR_COND_UNKNOWN || cond->opnd.kind == IR_OP_NONE)
        return n;
    int v = eval_operand(c, n, &cond->opnd);
    sym *y = &n->syms[v];
    if (y->origin == OR_UNKNOWN && y->kind == SK_PTR)
        return n;
    bool ok = cond->kind == IR_COND_TRUTH ? refine_truth(y, taken) : refine_cmp(y, cond, taken);
    if (!ok)
        state_release(c, n);
    return ok ? n : NULL;
}
