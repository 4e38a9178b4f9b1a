/* engine_branch.c: learning from a branch. A condition on a reference
 * (x, !x, x == NULL) fixes its nullness on each side; a condition on an
 * integer (r < 0, r == 0) narrows its interval; two references found equal
 * (old == value) become one symbol on the equal side. A side whose facts
 * contradict the state is infeasible and not explored. Conditions the IR
 * does not model leave both sides feasible and unchanged. */
#include "engine_internal.h"

static bool refine_null(sym *y, bool nonnull) {
    if (nonnull) {
        if (y->null == NN_NULL)
            return false;
        y->null = NN_NONNULL;
        y->flags &= (uint16_t)~SF_FALLIBLE;
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

/* k - 1 and k + 1 within the symbol range: a constant at the edge of long
 * long (`x > LLONG_MAX`) must not overflow. */
static long long below(long long k) {
    return k <= SYM_INT_MIN ? SYM_INT_MIN : k - 1;
}

static long long above(long long k) {
    return k >= SYM_INT_MAX ? SYM_INT_MAX : k + 1;
}

static bool refine_ne(sym *y, long long k) {
    if (y->lo == k && y->hi == k)
        return false;
    if (y->lo == k)
        y->lo = above(y->lo);
    else if (y->hi == k)
        y->hi = below(y->hi);
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
    case IR_LT: return intersect(y, SYM_INT_MIN, below(k));
    case IR_LE: return intersect(y, SYM_INT_MIN, k);
    case IR_GT: return intersect(y, above(k), SYM_INT_MAX);
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

/* Which of two equal symbols survives: the one kept alive elsewhere, so
 * that releasing the function's own references to the object does not make
 * it dead for the other name (`if (cls != obj) ...; Py_DECREF(cls);` then
 * obj is still the caller's). A parameter first (inference follows it),
 * then a field or global variable (the structure's reference may be
 * released through it), then a borrowed result, then a new reference. */
static int identity_rank(const sym *y) {
    switch (y->origin) {
    case OR_PARAM: return 4;
    case OR_FIELD: case OR_GLOBAL_VAR: return 3;
    case OR_BORROWED: return 2;
    case OR_NEW: return 1;
    default: return 0;
    }
}

/* a == b holds: one object. The local places bound to the weaker symbol
 * are rebound to the stronger, which takes the references this function
 * owns on the other (and keeps its own flags: where the other was stored
 * is the other's story). A heap place keeps its symbol: a field that already
 * held the object holds its own reference, not the function's. */
static bool merge_equal(const fn_ctx *c, sstate *s, int a, int b) {
    sym *x = &s->syms[a], *y = &s->syms[b];
    if ((x->null == NN_NULL && y->null == NN_NONNULL) || (x->null == NN_NONNULL && y->null == NN_NULL))
        return false;
    if (x->null == NN_NULL || y->null == NN_NULL) /* both NULL: no object to merge */
        return refine_null(x->null == NN_NULL ? y : x, false);
    if (identity_rank(y) > identity_rank(x)) {
        int t = a;
        a = b;
        b = t;
        x = &s->syms[a];
        y = &s->syms[b];
    }
    if (x->null == NN_UNKNOWN)
        x->null = y->null;
    x->owned += y->owned;
    if (x->owned > SYM_OWNED_MAX)
        x->owned = SYM_OWNED_MAX;
    y->owned = 0;
    for (int p = 0; p < s->nplaces; p++)
        if (s->bind[p] == b && !c->places[p].heap)
            s->bind[p] = a;
    return true;
}

/* Symbol x found equal to a global object's address: if x is another
 * global object, or a new reference a call just made (a singleton is not a
 * fresh allocation's result), that cannot be. Otherwise x is not NULL and
 * remembers the equality (same_as), and the two stay apart: the global's
 * symbol stands for every later use of its name, and a field's or a
 * parameter's reference to Py_None may be released (`if (get == Py_None)
 * Py_XDECREF(get);`) while Py_None is still used after. */
static bool equal_to_global(sstate *s, int xv, int gv) {
    sym *x = &s->syms[xv];
    if (x->origin == OR_GLOBAL || x->origin == OR_NEW)
        return false;
    if (x->kind == SK_REF)
        x->same_as = gv + 1;
    return x->kind == SK_INT || refine_null(x, true);
}

/* Unknown value x found equal to tracked reference y (index yv): x stays
 * unchecked and apart (it may hold a reference of its own: `_pickle`'s
 * `parent == module`, both released later), but remembers y, so that its
 * release may stand for one of y's (engine_call.c alias_dropped). */
static void link_unknown_equal(sym *x, const sym *y, int yv) {
    if (x->kind == SK_REF && y->kind == SK_REF && x->origin == OR_UNKNOWN &&
        y->origin != OR_UNKNOWN && y->origin != OR_NULLCONST && y->origin != OR_GLOBAL)
        x->same_as = yv + 1;
}

/* opnd == rhs (or !=) where rhs is a global's address or another pointer. */
static bool refine_pointer_eq(fn_ctx *c, sstate *n, int v, const ir_cond *cond, bool truth) {
    bool equal = cond->cmp == IR_EQ ? truth : !truth;
    int w = eval_operand(c, n, &cond->rhs);
    if (v == w)
        return equal;
    sym *x = &n->syms[v], *y = &n->syms[w];
    if (!equal)
        return true; /* two different symbols may well be different objects */
    if (y->origin == OR_GLOBAL)
        return equal_to_global(n, v, w);
    if (x->origin == OR_GLOBAL)
        return equal_to_global(n, w, v);
    bool checked = x->origin != OR_UNKNOWN && y->origin != OR_UNKNOWN &&
                   x->origin != OR_NULLCONST && y->origin != OR_NULLCONST;
    if (x->kind == SK_REF && y->kind == SK_REF && checked) /* unknown values stay unchecked */
        return merge_equal(c, n, v, w);
    link_unknown_equal(x, y, w);
    link_unknown_equal(y, x, v);
    return true;
}

sstate *refine_branch(fn_ctx *c, const sstate *s, const ir_cond *cond, bool taken) {
    sstate *n = state_clone(c, s);
    if (cond->kind == IR_COND_UNKNOWN || cond->opnd.kind == IR_OP_NONE)
        return n;
    int v = eval_operand(c, n, &cond->opnd);
    sym *y = &n->syms[v];
    bool pointers = cond->kind == IR_COND_CMP &&
                    (cond->rhs.kind == IR_OP_ADDR || cond->rhs.kind == IR_OP_PLACE);
    if (y->origin == OR_UNKNOWN && y->kind == SK_PTR && y->null == NN_UNKNOWN && !pointers)
        return n; /* a pointer known not to be NULL ("nonnull") is still refined */
    bool ok = cond->kind == IR_COND_TRUTH ? refine_truth(y, taken)
              : pointers                  ? refine_pointer_eq(c, n, v, cond, taken)
                                          : refine_cmp(y, cond, taken);
    if (!ok)
        state_release(c, n);
    return ok ? n : NULL;
}
