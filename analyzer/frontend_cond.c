/* frontend_cond.c: conditions and short-circuit operators.
 *
 * fe_cond lowers an expression as a jump to t (true) or f (false): "!" swaps
 * the targets, "&&"/"||" become branch chains (a left-nested chain of the same
 * operator is flattened, so its length costs no stack), "c ? a : b" branches
 * on c first, a comma evaluates its left side then branches on its right.
 * A leaf becomes IR_COND_CMP when it compares an operand with NULL or an
 * integer constant (normalized so the constant is on the right), or two
 * pointers for equality (x == Py_None, a == b), IR_COND_TRUTH
 * on a place, a direct goto when the value is a constant, and IR_COND_UNKNOWN
 * otherwise. Used as values, "&&", "||", "!" produce 1/0 in a temporary, and
 * "?:" assigns each arm into a temporary (or a given destination).
 *
 * Temporaries made by a statement's condition are killed at the head of both
 * successors (fe_cond_stmt), which must be new, empty blocks.
 */
#include "frontend_lower.h"

#include <string.h>

static ir_cond unknown_cond(void) {
    ir_cond c = {0};
    c.kind = IR_COND_UNKNOWN;
    return c;
}

static bool is_const(const ir_operand *o) {
    return o->kind == IR_OP_INT || o->kind == IR_OP_NULL;
}

static bool is_pointer(const ir_operand *o) {
    return o->type == IR_VT_REF || o->type == IR_VT_PTR;
}

static bool never_null(const ir_operand *o) {
    return o->kind == IR_OP_ADDR || o->kind == IR_OP_STRING;
}

/* Jumps on a value: constants decide statically. */
static void branch_on(fe_ctx *cx, ir_operand v, int t, int f, ir_loc loc) {
    if (v.kind == IR_OP_INT || v.kind == IR_OP_NULL) {
        fe_goto(cx, v.kind == IR_OP_INT && v.ival ? t : f);
    } else if (never_null(&v)) {
        fe_goto(cx, t);
    } else if (v.kind == IR_OP_PLACE) {
        ir_cond c = {0};
        c.kind = IR_COND_TRUTH;
        c.opnd = v;
        fe_branch(cx, c, t, f, loc);
    } else {
        fe_branch(cx, unknown_cond(), t, f, loc);
    }
}

static bool cmp_of(enum CXBinaryOperatorKind k, ir_cmp *out) {
    switch (k) {
    case CXBinaryOperator_EQ: *out = IR_EQ; return true;
    case CXBinaryOperator_NE: *out = IR_NE; return true;
    case CXBinaryOperator_LT: *out = IR_LT; return true;
    case CXBinaryOperator_LE: *out = IR_LE; return true;
    case CXBinaryOperator_GT: *out = IR_GT; return true;
    case CXBinaryOperator_GE: *out = IR_GE; return true;
    default: return false;
    }
}

static ir_cmp mirror(ir_cmp c) {
    switch (c) {
    case IR_LT: return IR_GT;
    case IR_LE: return IR_GE;
    case IR_GT: return IR_LT;
    case IR_GE: return IR_LE;
    default: return c;
    }
}

static bool compare_consts(ir_cmp c, long long a, long long b) {
    switch (c) {
    case IR_EQ: return a == b;
    case IR_NE: return a != b;
    case IR_LT: return a < b;
    case IR_LE: return a <= b;
    case IR_GT: return a > b;
    default: return a >= b;
    }
}

/* Branches on place l CMP r: r a constant, or (== / !=) the address of a
 * global object (x == Py_NotImplemented: equal means not NULL). */
static void branch_place_cmp(fe_ctx *cx, ir_operand l, ir_cmp c, ir_operand r, int t, int f,
                             ir_loc loc) {
    ir_cond cond = {0};
    cond.kind = IR_COND_CMP;
    cond.opnd = l;
    cond.cmp = c;
    cond.rhs = r;
    fe_branch(cx, cond, t, f, loc);
}

/* Emits the comparison l CMP r once r is known to be a constant. */
static void branch_cmp(fe_ctx *cx, ir_operand l, ir_cmp c, ir_operand r, int t, int f,
                       ir_loc loc) {
    if (is_const(&l)) {
        long long a = l.kind == IR_OP_INT ? l.ival : 0, b = r.kind == IR_OP_INT ? r.ival : 0;
        fe_goto(cx, compare_consts(c, a, b) ? t : f);
    } else if (never_null(&l) && r.kind == IR_OP_NULL && (c == IR_EQ || c == IR_NE)) {
        fe_goto(cx, c == IR_NE ? t : f);
    } else if (l.kind == IR_OP_PLACE) {
        branch_place_cmp(cx, l, c, r, t, f, loc);
    } else {
        fe_branch(cx, unknown_cond(), t, f, loc);
    }
}

static void cond_compare(fe_ctx *cx, CXCursor e, ir_cmp c, int t, int f) {
    CXCursor *kids;
    ir_loc loc = fe_cursor_loc(cx->tu, e);
    if (fe_expr_children(cx->tu, cx->mem, e, &kids) != 2) {
        fe_branch(cx, unknown_cond(), t, f, loc);
        return;
    }
    ir_operand l = fe_value(cx, kids[0]);
    ir_operand r = fe_value(cx, kids[1]);
    if (is_const(&r))
        branch_cmp(cx, l, c, r, t, f, loc);
    else if (is_const(&l))
        branch_cmp(cx, r, mirror(c), l, t, f, loc);
    else if (l.kind == IR_OP_PLACE && never_null(&r) && (c == IR_EQ || c == IR_NE))
        branch_place_cmp(cx, l, c, r, t, f, loc);
    else if (r.kind == IR_OP_PLACE && never_null(&l) && (c == IR_EQ || c == IR_NE))
        branch_place_cmp(cx, r, c, l, t, f, loc);
    else if (l.kind == IR_OP_PLACE && r.kind == IR_OP_PLACE && is_pointer(&l) && is_pointer(&r) &&
             (c == IR_EQ || c == IR_NE))
        branch_place_cmp(cx, l, c, r, t, f, loc);
    else
        fe_branch(cx, unknown_cond(), t, f, loc);
}

/* a && b && c ...: the operands of a left-nested chain, leftmost first. */
static int chain_operands(fe_ctx *cx, CXCursor e, enum CXBinaryOperatorKind op,
                          CXCursor **out) {
    int n = 0, cap = 8;
    CXCursor *v = ARENA_ARRAY(cx->mem, CXCursor, cap), *kids;
    CXCursor cur = e;
    while (clang_getCursorKind(cur) == CXCursor_BinaryOperator &&
           clang_getCursorBinaryOperatorKind(cur) == op &&
           fe_expr_children(cx->tu, cx->mem, cur, &kids) == 2) {
        if (n + 1 >= cap) {
            CXCursor *w = ARENA_ARRAY(cx->mem, CXCursor, cap * 2);
            memcpy(w, v, sizeof *v * (size_t)n);
            v = w;
            cap *= 2;
        }
        v[n++] = kids[1];
        cur = fe_strip(cx, kids[0]);
    }
    v[n++] = cur;
    for (int i = 0; i < n / 2; i++) { /* reverse: leftmost first */
        CXCursor tmp = v[i];
        v[i] = v[n - 1 - i];
        v[n - 1 - i] = tmp;
    }
    *out = v;
    return n;
}

static void cond_chain(fe_ctx *cx, CXCursor e, enum CXBinaryOperatorKind op, int t, int f) {
    CXCursor *ops;
    int n = chain_operands(cx, e, op, &ops);
    for (int i = 0; i < n - 1; i++) {
        int mid = fe_new_block(cx);
        if (op == CXBinaryOperator_LAnd)
            fe_cond(cx, ops[i], mid, f);
        else
            fe_cond(cx, ops[i], t, mid);
        fe_set_block(cx, mid);
    }
    fe_cond(cx, ops[n - 1], t, f);
}

static void cond_ternary(fe_ctx *cx, CXCursor e, int t, int f) {
    CXCursor *kids;
    if (fe_expr_children(cx->tu, cx->mem, e, &kids) != 3) {
        branch_on(cx, fe_value(cx, e), t, f, fe_cursor_loc(cx->tu, e));
        return;
    }
    int bt = fe_new_block(cx), bf = fe_new_block(cx);
    fe_cond(cx, kids[0], bt, bf);
    fe_set_block(cx, bt);
    fe_cond(cx, kids[1], t, f);
    fe_set_block(cx, bf);
    fe_cond(cx, kids[2], t, f);
}

static bool is_unary(CXCursor e, enum CXUnaryOperatorKind k) {
    return clang_getCursorKind(e) == CXCursor_UnaryOperator &&
           clang_getCursorUnaryOperatorKind(e) == k;
}

static bool is_binary(CXCursor e, enum CXBinaryOperatorKind k) {
    return clang_getCursorKind(e) == CXCursor_BinaryOperator &&
           clang_getCursorBinaryOperatorKind(e) == k;
}

/* Sees through casts, "!" (swapping targets) and commas (evaluating the left
 * side) without recursion. */
static CXCursor cond_core(fe_ctx *cx, CXCursor e, int *t, int *f) {
    CXCursor *kids;
    for (;;) {
        CXCursor s = fe_strip(cx, e);
        if (is_unary(s, CXUnaryOperator_LNot) &&
            fe_expr_children(cx->tu, cx->mem, s, &kids) == 1) {
            int tmp = *t;
            *t = *f;
            *f = tmp;
            e = kids[0];
        } else if (is_binary(s, CXBinaryOperator_Comma) &&
                   fe_expr_children(cx->tu, cx->mem, s, &kids) == 2) {
            fe_effect(cx, kids[0]);
            e = kids[1];
        } else {
            return s;
        }
    }
}

static void cond_inner(fe_ctx *cx, CXCursor e, int t, int f) {
    CXCursor s = cond_core(cx, e, &t, &f);
    ir_cmp c;
    if (clang_getCursorKind(s) == CXCursor_ConditionalOperator) {
        cond_ternary(cx, s, t, f);
        return;
    }
    if (clang_getCursorKind(s) == CXCursor_BinaryOperator) {
        enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(s);
        if (k == CXBinaryOperator_LAnd || k == CXBinaryOperator_LOr) {
            cond_chain(cx, s, k, t, f);
            return;
        }
        if (cmp_of(k, &c)) {
            cond_compare(cx, s, c, t, f);
            return;
        }
    }
    branch_on(cx, fe_value(cx, s), t, f, fe_cursor_loc(cx->tu, s));
}

void fe_cond(fe_ctx *cx, CXCursor e, int t, int f) {
    if (!fe_enter(cx, e)) {
        fe_branch(cx, unknown_cond(), t, f, fe_cursor_loc(cx->tu, e));
        return;
    }
    cond_inner(cx, e, t, f);
    fe_leave(cx);
}

void fe_cond_stmt(fe_ctx *cx, CXCursor e, int t, int f) {
    int mark = fe_temp_mark(cx);
    fe_cond(cx, e, t, f);
    fe_kill_temps_in(cx, mark, t, f, fe_cursor_loc(cx->tu, e));
}

/* ------------------------------------------------------------ as values */

static void assign_const(fe_ctx *cx, ir_place dst, long long v, ir_loc loc) {
    ir_instr *in = fe_emit(cx, IR_ASSIGN, loc);
    in->dst = dst;
    in->src.kind = IR_OP_INT;
    in->src.ival = v;
    in->src.type = IR_VT_INT;
    in->src.loc = loc;
}

/* a && b, a || b, !a as a value: 1 or 0 in dst. */
void fe_logical_into(fe_ctx *cx, CXCursor e, ir_place dst) {
    ir_loc loc = fe_cursor_loc(cx->tu, e);
    int bt = fe_new_block(cx), bf = fe_new_block(cx), join = fe_new_block(cx);
    fe_cond(cx, e, bt, bf);
    fe_set_block(cx, bt);
    assign_const(cx, dst, 1, loc);
    fe_goto(cx, join);
    fe_set_block(cx, bf);
    assign_const(cx, dst, 0, loc);
    fe_goto(cx, join);
    fe_set_block(cx, join);
}

/* The same in a new temporary. */
ir_operand fe_logical_value(fe_ctx *cx, CXCursor e) {
    ir_place dst = ir_place_var(cx->f, fe_temp(cx, IR_VT_INT));
    fe_logical_into(cx, e, dst);
    ir_operand o = {0};
    o.kind = IR_OP_PLACE;
    o.place = dst;
    o.type = IR_VT_INT;
    o.loc = fe_cursor_loc(cx->tu, e);
    return o;
}

/* a && b; as a statement: b only when a is true. */
void fe_logical_effect(fe_ctx *cx, CXCursor e) {
    CXCursor *kids;
    if (fe_expr_children(cx->tu, cx->mem, e, &kids) != 2)
        return;
    int mid = fe_new_block(cx), join = fe_new_block(cx);
    if (clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_LAnd)
        fe_cond(cx, kids[0], mid, join);
    else
        fe_cond(cx, kids[0], join, mid);
    fe_set_block(cx, mid);
    fe_effect(cx, kids[1]);
    fe_goto(cx, join);
    fe_set_block(cx, join);
}

static void arm(fe_ctx *cx, CXCursor e, const ir_place *dst, int join) {
    if (dst)
        fe_assign_to(cx, *dst, e, fe_cursor_loc(cx->tu, e));
    else
        fe_effect(cx, e);
    fe_goto(cx, join);
}

static void conditional(fe_ctx *cx, CXCursor e, const ir_place *dst) {
    CXCursor *kids;
    if (fe_expr_children(cx->tu, cx->mem, e, &kids) != 3)
        return;
    int bt = fe_new_block(cx), bf = fe_new_block(cx), join = fe_new_block(cx);
    fe_cond(cx, kids[0], bt, bf);
    fe_set_block(cx, bt);
    arm(cx, kids[1], dst, join);
    fe_set_block(cx, bf);
    arm(cx, kids[2], dst, join);
    fe_set_block(cx, join);
}

void fe_conditional_into(fe_ctx *cx, CXCursor e, const ir_place *dst) {
    conditional(cx, e, dst);
}

ir_operand fe_conditional_value(fe_ctx *cx, CXCursor e, bool want_value) {
    CXType ty = clang_getCursorType(e);
    if (!want_value || clang_getCanonicalType(ty).kind == CXType_Void) {
        conditional(cx, e, NULL);
        return fe_unknown(cx, e);
    }
    ir_vtype vt = fe_vtype(cx->tu, ty);
    ir_place dst = ir_place_var(cx->f, fe_temp(cx, vt));
    conditional(cx, e, &dst);
    ir_operand o = {0};
    o.kind = IR_OP_PLACE;
    o.place = dst;
    o.type = vt;
    o.loc = fe_cursor_loc(cx->tu, e);
    return o;
}
