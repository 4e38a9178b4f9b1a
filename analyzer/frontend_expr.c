/* frontend_expr.c: lowering expressions to operands and places.
 *
 * Values are produced left to right; a call used as a value lands in a new
 * temporary (killed at the end of the full expression by the statement that
 * owns it). Places: a variable, a global, or one of those followed by steps.
 * Every access through a pointer ("->", "*p", "p[i]") first emits USE of the
 * pointer operand; when the pointer is not a plain variable or global (it is
 * itself a field, an element, a call result, ...) it is first copied into a
 * temporary, so that a place has at most one heap step and it is its first.
 *
 * Refcount fields: "X->REFCNT++" / "--" / "+= 1" / "-= 1" (rules_is_refcount_field)
 * become IR_REFCNT on X instead of an assignment; X is found through "."
 * steps into embedded headers (self->ob_base.ob_refcnt) and "*p".
 */
#include "frontend_lower.h"

#include <limits.h>

#include <string.h>

ir_operand fe_unknown(fe_ctx *cx, CXCursor e) {
    ir_operand o = {0};
    o.kind = IR_OP_UNKNOWN;
    o.type = fe_vtype(cx->tu, clang_getCursorType(e));
    o.loc = fe_cursor_loc(cx->tu, e);
    return o;
}

static ir_operand place_operand(ir_place p, ir_vtype type, ir_loc loc) {
    ir_operand o = {0};
    o.kind = IR_OP_PLACE;
    o.place = p;
    o.type = type;
    o.loc = loc;
    return o;
}

static ir_operand int_operand(long long v, ir_loc loc) {
    ir_operand o = {0};
    o.kind = IR_OP_INT;
    o.ival = v;
    o.type = IR_VT_INT;
    o.loc = loc;
    return o;
}

static ir_operand lower(fe_ctx *cx, CXCursor e, bool want);

static void emit_assign(fe_ctx *cx, ir_place dst, ir_operand src, ir_loc loc) {
    ir_instr *in = fe_emit(cx, IR_ASSIGN, loc);
    in->dst = dst;
    in->src = src;
}

static void emit_use(fe_ctx *cx, ir_operand ptr, ir_loc loc) {
    fe_emit(cx, IR_USE, loc)->src = ptr;
}

/* Two expression children (binary operators, subscripts); false if not. */
static bool two_kids(fe_ctx *cx, CXCursor e, CXCursor *a, CXCursor *b) {
    CXCursor *kids;
    if (fe_expr_children(cx->tu, cx->mem, e, &kids) != 2)
        return false;
    *a = kids[0];
    *b = kids[1];
    return true;
}

static bool one_kid(fe_ctx *cx, CXCursor e, CXCursor *a) {
    CXCursor *kids;
    int n = fe_expr_children(cx->tu, cx->mem, e, &kids);
    if (n < 1)
        return false;
    *a = kids[n - 1];
    return true;
}

/* ------------------------------------------------------------------ places */

static bool decl_place(fe_ctx *cx, CXCursor e, ir_place *out) {
    CXCursor d = clang_getCursorReferenced(e);
    enum CXCursorKind k = clang_getCursorKind(d);
    if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
        return false;
    int v = fe_local_var(cx, d);
    if (v >= 0) {
        *out = ir_place_var(cx->f, v);
        return true;
    }
    *out = ir_place_global(cx->f, fe_spelling(cx->mem, d),
                           fe_vtype(cx->tu, clang_getCursorType(d)));
    return true;
}

/* The pointer an access goes through, as a plain var/global place (copied
 * into a temporary when it is anything else), with its USE emitted. Sets
 * *addr instead when the "pointer" is &place (then the access is place.f). */
static ir_place pointer_root(fe_ctx *cx, CXCursor base, ir_loc loc, bool *addr) {
    ir_operand v = fe_value(cx, base);
    *addr = v.kind == IR_OP_ADDR;
    if (*addr)
        return v.place;
    if (v.kind != IR_OP_PLACE || v.place.nsteps) {
        int t = fe_temp(cx, v.type);
        emit_assign(cx, ir_place_var(cx->f, t), v, loc);
        v = place_operand(ir_place_var(cx->f, t), v.type, v.loc);
    }
    emit_use(cx, v, loc);
    return v.place;
}

static bool member_place(fe_ctx *cx, CXCursor e, ir_place *out) {
    CXCursor base;
    if (!one_kid(cx, e, &base))
        return false;
    const char *field = fe_spelling(cx->mem, e);
    ir_vtype type = fe_vtype(cx->tu, clang_getCursorType(e));
    ir_loc loc = fe_cursor_loc(cx->tu, e);
    if (fe_is_pointer_type(clang_getCursorType(base))) {
        bool addr;
        ir_place p = pointer_root(cx, base, loc, &addr);
        *out = ir_place_step(cx->f, p, addr ? IR_STEP_FIELD : IR_STEP_ARROW, field, type);
        if (!addr)
            out->steps[out->nsteps - 1].record =
                fe_member_record(cx->tu, e, clang_getCursorType(base));
        return true;
    }
    ir_place p;
    if (!fe_place(cx, base, &p))
        return false;
    if (p.nsteps && p.steps[p.nsteps - 1].field && !p.steps[p.nsteps - 1].field[0]) {
        *out = p; /* member of an anonymous struct/union: rename that step */
        out->steps[p.nsteps - 1].field = field;
        out->type = type;
        return true;
    }
    *out = ir_place_step(cx->f, p, IR_STEP_FIELD, field, type);
    return true;
}

/* Local variable v referred to by e (casts stripped), or -1. */
static int index_var(fe_ctx *cx, CXCursor e) {
    CXCursor s = fe_strip(cx, e);
    if (clang_getCursorKind(s) != CXCursor_DeclRefExpr)
        return -1;
    return fe_local_var(cx, clang_getCursorReferenced(s));
}

/* The index of a[k] as the step's tag when the engine can tell two accesses
 * to the same slot: "#k" for a constant, "$v" for local variable v, "$v+k"
 * for v plus a constant (posixmodule.c statresult_new's ob_item[i+3]); the
 * engine forgets the slot when v is assigned. NULL otherwise. */
static const char *index_tag(fe_ctx *cx, CXCursor idx) {
    long long k;
    if (fe_const_int(cx, idx, &k))
        return arena_printf(cx->mem, "#%lld", k);
    int v = index_var(cx, idx);
    if (v >= 0)
        return arena_printf(cx->mem, "$%d", v);
    CXCursor s = fe_strip(cx, idx), lhs, rhs;
    if (clang_getCursorKind(s) != CXCursor_BinaryOperator || !two_kids(cx, s, &lhs, &rhs))
        return NULL;
    enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
    if ((op != CXBinaryOperator_Add && op != CXBinaryOperator_Sub) ||
        (v = index_var(cx, lhs)) < 0 || !fe_const_int(cx, rhs, &k) || k == LLONG_MIN)
        return NULL;
    return arena_printf(cx->mem, "$%d%+lld", v, op == CXBinaryOperator_Add ? k : -k);
}

static bool index_place(fe_ctx *cx, CXCursor e, ir_place *out) {
    CXCursor base, idx;
    if (!two_kids(cx, e, &base, &idx))
        return false;
    if (!fe_is_pointer_type(clang_getCursorType(base))) { /* i[p] */
        CXCursor t = base;
        base = idx;
        idx = t;
    }
    ir_vtype type = fe_vtype(cx->tu, clang_getCursorType(e));
    ir_loc loc = fe_cursor_loc(cx->tu, e);
    CXCursor arr = fe_strip(cx, base);
    const char *tag = index_tag(cx, idx);
    ir_place p;
    bool ok;
    if (fe_is_array_type(clang_getCursorType(arr))) {
        ok = fe_place(cx, arr, &p);
        if (ok)
            *out = ir_place_step(cx->f, p, IR_STEP_INDEX, tag, type);
    } else {
        bool addr;
        p = pointer_root(cx, base, loc, &addr);
        *out = ir_place_step(cx->f, p, IR_STEP_INDEX, tag, type);
        out->is_heap = out->is_heap || !addr;
        ok = true;
    }
    fe_value(cx, idx);
    return ok;
}

bool fe_pointee_place(fe_ctx *cx, CXCursor ptr, CXType type_of, ir_loc loc, ir_place *out) {
    CXCursor kid, s = fe_strip(cx, ptr);
    if (clang_getCursorKind(s) == CXCursor_UnaryOperator &&
        clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_AddrOf && one_kid(cx, s, &kid))
        return fe_place(cx, kid, out); /* *&x */
    bool addr;
    ir_vtype type = fe_vtype(cx->tu, type_of);
    ir_place p = pointer_root(cx, ptr, loc, &addr);
    *out = addr ? p : ir_place_step(cx->f, p, IR_STEP_DEREF, NULL, type);
    out->type = type;
    return true;
}

static bool deref_place(fe_ctx *cx, CXCursor e, ir_place *out) {
    CXCursor kid;
    if (!one_kid(cx, e, &kid))
        return false;
    return fe_pointee_place(cx, kid, clang_getCursorType(e), fe_cursor_loc(cx->tu, e), out);
}

static bool place_inner(fe_ctx *cx, CXCursor e, ir_place *out) {
    CXCursor s = fe_strip(cx, e);
    switch (clang_getCursorKind(s)) {
    case CXCursor_DeclRefExpr: return decl_place(cx, s, out);
    case CXCursor_MemberRefExpr: return member_place(cx, s, out);
    case CXCursor_ArraySubscriptExpr: return index_place(cx, s, out);
    case CXCursor_UnaryOperator:
        if (clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_Deref)
            return deref_place(cx, s, out);
        break;
    default: break;
    }
    ir_operand v = fe_value(cx, s); /* an rvalue: f().x, (a = b).c */
    if (v.kind != IR_OP_PLACE)
        return false;
    *out = v.place;
    return true;
}

bool fe_place(fe_ctx *cx, CXCursor e, ir_place *out) {
    if (!fe_enter(cx, e))
        return false;
    bool ok = place_inner(cx, e, out);
    fe_leave(cx);
    return ok;
}

/* ------------------------------------------------------ assignment, ++, += */


static bool is_comma(CXCursor s) {
    return clang_getCursorKind(s) == CXCursor_BinaryOperator &&
           clang_getCursorBinaryOperatorKind(s) == CXBinaryOperator_Comma;
}

/* dst = e, with calls, ?: arms, logical 1/0 and a comma's last operand
 * written straight into dst (no temporary in between). */
void fe_assign_to(fe_ctx *cx, ir_place dst, CXCursor e, ir_loc loc) {
    CXCursor s = fe_strip(cx, e), lhs, rhs;
    enum CXCursorKind k = clang_getCursorKind(s);
    if (k == CXCursor_CallExpr) {
        fe_call(cx, s, &dst, true);
    } else if (k == CXCursor_ConditionalOperator) {
        fe_conditional_into(cx, s, &dst);
    } else if (fe_is_logical(s)) {
        fe_logical_into(cx, s, dst);
    } else if (is_comma(s) && two_kids(cx, s, &lhs, &rhs) && fe_enter(cx, s)) {
        fe_effect(cx, lhs);
        fe_assign_to(cx, dst, rhs, loc);
        fe_leave(cx);
    } else {
        emit_assign(cx, dst, fe_value(cx, e), loc);
    }
}

static ir_operand assignment(fe_ctx *cx, CXCursor e) {
    CXCursor lhs, rhs;
    ir_place dst;
    if (!two_kids(cx, e, &lhs, &rhs))
        return fe_unknown(cx, e);
    ir_loc loc = fe_cursor_loc(cx->tu, e);
    if (!fe_place(cx, lhs, &dst)) {
        fe_value(cx, rhs);
        return fe_unknown(cx, e);
    }
    fe_assign_to(cx, dst, rhs, loc);
    return place_operand(dst, dst.type, loc);
}

/* The object whose refcount field e names (X in X->ob_refcnt), or false. */
static bool refcount_object(fe_ctx *cx, CXCursor e, CXCursor *obj) {
    CXCursor s = fe_strip(cx, e), base;
    if (clang_getCursorKind(s) != CXCursor_MemberRefExpr || !cx->tu->opt->rules)
        return false;
    const char *field = fe_spelling(cx->mem, s);
    if (!rules_is_refcount_field(cx->tu->opt->rules, field))
        return false;
    for (int i = 0; i < 8 && one_kid(cx, s, &base); i++) {
        if (fe_is_pointer_type(clang_getCursorType(base))) {
            *obj = base;
            return true;
        }
        s = fe_strip(cx, base); /* hdr.ob_base.ob_refcnt, (*p).ob_refcnt */
        if (clang_getCursorKind(s) == CXCursor_UnaryOperator &&
            clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_Deref)
            return one_kid(cx, s, obj);
        if (clang_getCursorKind(s) != CXCursor_MemberRefExpr)
            return false;
    }
    return false;
}

static bool emit_refcnt(fe_ctx *cx, CXCursor target, int delta, ir_loc loc) {
    CXCursor obj;
    if (!refcount_object(cx, target, &obj))
        return false;
    ir_operand o = fe_value(cx, obj);
    ir_instr *in = fe_emit(cx, IR_REFCNT, loc);
    in->src = o;
    in->refcnt_delta = delta;
    return true;
}

/* x++, --x: the variable gets an unknown value; a refcount field a REFCNT. */
static ir_operand inc_dec(fe_ctx *cx, CXCursor e, int delta) {
    CXCursor kid;
    ir_place p;
    ir_loc loc = fe_cursor_loc(cx->tu, e);
    if (!one_kid(cx, e, &kid) || emit_refcnt(cx, kid, delta, loc))
        return fe_unknown(cx, e);
    if (fe_place(cx, kid, &p)) {
        ir_operand u = fe_unknown(cx, e);
        u.type = p.type;
        emit_assign(cx, p, u, loc);
    }
    return fe_unknown(cx, e);
}

static ir_operand compound_assign(fe_ctx *cx, CXCursor e) {
    CXCursor lhs, rhs;
    ir_place p;
    long long v;
    ir_loc loc = fe_cursor_loc(cx->tu, e);
    if (!two_kids(cx, e, &lhs, &rhs))
        return fe_unknown(cx, e);
    enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(e);
    bool add = k == CXBinaryOperator_AddAssign, sub = k == CXBinaryOperator_SubAssign;
    if ((add || sub) && fe_const_int(cx, rhs, &v) && (v == 1 || v == -1) &&
        emit_refcnt(cx, lhs, (int)(add ? v : -v), loc))
        return fe_unknown(cx, e);
    bool ok = fe_place(cx, lhs, &p);
    fe_value(cx, rhs);
    if (ok) {
        ir_operand u = fe_unknown(cx, e);
        u.type = p.type;
        emit_assign(cx, p, u, loc);
    }
    return fe_unknown(cx, e);
}

/* ------------------------------------------------------------------ values */

static bool is_chain_op(enum CXBinaryOperatorKind k) {
    return (k >= CXBinaryOperator_Mul && k <= CXBinaryOperator_Or) ||
           k == CXBinaryOperator_Comma;
}

/* a+b+c+...: operands evaluated left to right without recursing down the
 * left spine (a chain of 10,000 terms costs no stack). Commas keep the value
 * of the last operand. */
static ir_operand chain_value(fe_ctx *cx, CXCursor e, bool want) {
    long long v;
    if (fe_const_int(cx, e, &v))
        return int_operand(v, fe_cursor_loc(cx->tu, e));
    int n = 0, cap = 16;
    CXCursor *rights = ARENA_ARRAY(cx->mem, CXCursor, cap), cur = e, lhs, rhs;
    while (clang_getCursorKind(cur) == CXCursor_BinaryOperator &&
           is_chain_op(clang_getCursorBinaryOperatorKind(cur)) && two_kids(cx, cur, &lhs, &rhs)) {
        if (n == cap) {
            CXCursor *r = ARENA_ARRAY(cx->mem, CXCursor, cap * 2);
            memcpy(r, rights, sizeof *r * (size_t)n);
            rights = r;
            cap *= 2;
        }
        rights[n++] = rhs;
        cur = fe_strip(cx, lhs);
    }
    bool comma = clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Comma;
    bool values = want && !comma; /* arithmetic reads its operands */
    lower(cx, cur, values);
    for (int i = n - 1; i > 0; i--)
        lower(cx, rights[i], values);
    if (comma)
        return lower(cx, rights[0], want);
    lower(cx, rights[0], values);
    return fe_unknown(cx, e);
}

static ir_operand binary_value(fe_ctx *cx, CXCursor e, bool want) {
    switch (clang_getCursorBinaryOperatorKind(e)) {
    case CXBinaryOperator_Assign: return assignment(cx, e);
    case CXBinaryOperator_LAnd:
    case CXBinaryOperator_LOr:
        if (!want) {
            fe_logical_effect(cx, e);
            return fe_unknown(cx, e);
        }
        return fe_logical_value(cx, e);
    default: return chain_value(cx, e, want);
    }
}

static ir_operand addr_of(fe_ctx *cx, CXCursor e) {
    CXCursor kid;
    ir_place p;
    if (!one_kid(cx, e, &kid))
        return fe_unknown(cx, e);
    CXCursor s = fe_strip(cx, kid);
    if (clang_getCursorKind(s) == CXCursor_DeclRefExpr &&
        clang_getCursorKind(clang_getCursorReferenced(s)) == CXCursor_FunctionDecl)
        return fe_unknown(cx, e); /* &function */
    if (!fe_place(cx, kid, &p))
        return fe_unknown(cx, e);
    /* &_Py_NoneStruct is a reference; &local is an out-parameter pointer */
    ir_operand o = place_operand(p, fe_vtype(cx->tu, clang_getCursorType(e)),
                                 fe_cursor_loc(cx->tu, e));
    o.kind = IR_OP_ADDR;
    return o;
}

static ir_operand unary_value(fe_ctx *cx, CXCursor e, bool want) {
    CXCursor kid;
    long long v;
    switch (clang_getCursorUnaryOperatorKind(e)) {
    case CXUnaryOperator_AddrOf: return addr_of(cx, e);
    case CXUnaryOperator_PostInc:
    case CXUnaryOperator_PreInc: return inc_dec(cx, e, +1);
    case CXUnaryOperator_PostDec:
    case CXUnaryOperator_PreDec: return inc_dec(cx, e, -1);
    case CXUnaryOperator_LNot:
        if (want)
            return fe_logical_value(cx, e);
        break;
    case CXUnaryOperator_Deref: {
        ir_place p;
        if (fe_place(cx, e, &p))
            return place_operand(p, p.type, fe_cursor_loc(cx->tu, e));
        return fe_unknown(cx, e);
    }
    default: break;
    }
    if (fe_const_int(cx, e, &v))
        return int_operand(v, fe_cursor_loc(cx->tu, e));
    if (one_kid(cx, e, &kid))
        fe_value(cx, kid);
    return fe_unknown(cx, e);
}

static ir_operand ref_value(fe_ctx *cx, CXCursor e) {
    ir_place p;
    long long v;
    if (fe_const_int(cx, e, &v))
        return int_operand(v, fe_cursor_loc(cx->tu, e));
    if (decl_place(cx, e, &p))
        return place_operand(p, p.type, fe_cursor_loc(cx->tu, e));
    return fe_unknown(cx, e);
}

static ir_operand string_value(fe_ctx *cx, CXCursor e) {
    ir_operand o = {0};
    o.kind = IR_OP_STRING;
    o.str = fe_string_literal(cx->mem, e);
    o.type = IR_VT_PTR;
    o.loc = fe_cursor_loc(cx->tu, e);
    return o;
}

/* ({ stmt; ...; expr; }): the statements, then the last expression's value
 * (copied to a temporary when it names a variable of the inner scope). */
static ir_operand stmt_expr(fe_ctx *cx, CXCursor e, bool want) {
    CXCursor *kids, body;
    if (!one_kid(cx, e, &body) && fe_children(cx->tu, cx->mem, e, &kids) > 0)
        body = kids[0];
    int n = fe_children(cx->tu, cx->mem, body, &kids);
    ir_operand r = fe_unknown(cx, e);
    fe_scope_push(cx);
    int first_local = cx->f->nvars;
    for (int i = 0; i < n; i++) {
        bool last = i == n - 1 && clang_isExpression(clang_getCursorKind(kids[i]));
        if (!last)
            fe_stmt(cx, kids[i]);
        else if (want)
            r = fe_value(cx, kids[i]);
        else
            fe_effect(cx, kids[i]);
    }
    if (r.kind == IR_OP_PLACE && r.place.kind == IR_PLACE_VAR && r.place.var >= first_local &&
        !cx->f->vars[r.place.var].is_temp) {
        int t = fe_temp(cx, r.type);
        emit_assign(cx, ir_place_var(cx->f, t), r, r.loc);
        r = place_operand(ir_place_var(cx->f, t), r.type, r.loc);
    }
    fe_scope_pop(cx, fe_cursor_end(cx->tu, body));
    return r;
}

static void effect_children(fe_ctx *cx, CXCursor e) {
    CXCursor *kids;
    int n = fe_expr_children(cx->tu, cx->mem, e, &kids);
    for (int i = 0; i < n; i++)
        fe_effect(cx, kids[i]);
}

static ir_operand dispatch(fe_ctx *cx, CXCursor s, bool want) {
    switch (clang_getCursorKind(s)) {
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_UnaryExpr: {
        long long v;
        if (fe_const_int(cx, s, &v))
            return int_operand(v, fe_cursor_loc(cx->tu, s));
        return fe_unknown(cx, s);
    }
    case CXCursor_DeclRefExpr: return ref_value(cx, s);
    case CXCursor_StringLiteral: return string_value(cx, s);
    case CXCursor_MemberRefExpr:
    case CXCursor_ArraySubscriptExpr: {
        ir_place p;
        if (fe_place(cx, s, &p))
            return place_operand(p, p.type, fe_cursor_loc(cx->tu, s));
        return fe_unknown(cx, s);
    }
    case CXCursor_UnaryOperator: return unary_value(cx, s, want);
    case CXCursor_BinaryOperator: return binary_value(cx, s, want);
    case CXCursor_CompoundAssignOperator: return compound_assign(cx, s);
    case CXCursor_CallExpr: return fe_call(cx, s, NULL, want);
    case CXCursor_ConditionalOperator: return fe_conditional_value(cx, s, want);
    case CXCursor_StmtExpr: return stmt_expr(cx, s, want);
    case CXCursor_InitListExpr:
    case CXCursor_CompoundLiteralExpr:
        effect_children(cx, s);
        return fe_unknown(cx, s);
    default: {
        long long v;
        if (fe_const_int(cx, s, &v))
            return int_operand(v, fe_cursor_loc(cx->tu, s));
        fe_atomic_store(cx, s);
        return fe_unknown(cx, s);
    }
    }
}

static ir_operand null_operand(fe_ctx *cx, CXCursor e) {
    ir_operand o = {0};
    o.kind = IR_OP_NULL;
    o.type = fe_vtype(cx->tu, clang_getCursorType(e));
    o.loc = fe_cursor_loc(cx->tu, e);
    return o;
}

#define MAX_TAG_NEST 8

static bool is_pointer(CXCursor e) {
    return clang_getCanonicalType(clang_getCursorType(e)).kind == CXType_Pointer;
}

/* A tagged pointer: `(uintptr_t)p | flag` or `(uintptr_t)p & ~1` read back
 * as an object pointer (_elementtree.c's JOIN_SET / JOIN_OBJ keep a flag in
 * bit 0), possibly nested (JOIN_SET(JOIN_OBJ(p), f)). The object is p's:
 * *base is p, *bits the integer side of the outermost operation. */
static bool tagged_pointer(fe_ctx *cx, CXCursor s, CXCursor *base, CXCursor *bits, int depth) {
    if (depth > MAX_TAG_NEST || clang_getCursorKind(s) != CXCursor_BinaryOperator)
        return false;
    enum CXBinaryOperatorKind k = clang_getCursorBinaryOperatorKind(s);
    CXCursor a, b, inner_bits;
    if ((k != CXBinaryOperator_And && k != CXBinaryOperator_Or) || !two_kids(cx, s, &a, &b))
        return false;
    a = fe_strip(cx, a);
    b = fe_strip(cx, b);
    if (is_pointer(b) && !is_pointer(a)) {
        CXCursor t = a;
        a = b;
        b = t;
    }
    if (is_pointer(b))
        return false;
    *bits = b;
    if (is_pointer(a)) {
        *base = a;
        return true;
    }
    return tagged_pointer(cx, a, base, &inner_bits, depth + 1);
}

static ir_operand lower(fe_ctx *cx, CXCursor e, bool want) {
    if (!fe_enter(cx, e))
        return fe_unknown(cx, e);
    ir_operand r;
    CXCursor base, bits;
    if (fe_is_null(cx, e)) {
        r = null_operand(cx, e);
    } else if (fe_vtype(cx->tu, clang_getCursorType(e)) == IR_VT_REF &&
               tagged_pointer(cx, fe_strip(cx, e), &base, &bits, 0)) {
        r = lower(cx, base, want);
        lower(cx, bits, false);
        if (r.kind == IR_OP_PLACE)
            r.type = IR_VT_REF;
    } else {
        r = dispatch(cx, fe_strip(cx, e), want);
        ir_vtype outer = fe_vtype(cx->tu, clang_getCursorType(e));
        if (outer == IR_VT_REF && r.kind == IR_OP_PLACE)
            r.type = IR_VT_REF; /* (PyObject *)listobj */
    }
    fe_leave(cx);
    return r;
}

ir_operand fe_value(fe_ctx *cx, CXCursor e) {
    return lower(cx, e, true);
}

void fe_effect(fe_ctx *cx, CXCursor e) {
    lower(cx, e, false);
}
