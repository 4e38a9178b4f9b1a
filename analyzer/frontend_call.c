/* frontend_call.c: lowering a call expression to IR_CALL.
 *
 * A direct call carries the callee's declaration facts (frontend_callee.c);
 * an indirect call has no name, and its callee expression is lowered first
 * (so that self->ob_type->tp_free(self) still uses self). An indirect call
 * through a struct's function-pointer field names that slot
 * ("_typeobject.tp_free"), which a rule may describe. The stores of a rule's
 * "store" arguments follow the call (frontend_store.c). Arguments are
 * lowered left to right. The result goes to the given destination, to a new
 * temporary when the value is wanted, or nowhere (dst NONE). A call to a
 * noreturn function ends the block with IR_TERM_UNREACHABLE.
 * __builtin_expect(e, c) is not a call: it is seen through as e.
 */
#include "frontend_lower.h"

#include <string.h>

static bool is_function(CXCursor d) {
    return clang_getCursorKind(d) == CXCursor_FunctionDecl;
}

bool fe_is_expect_call(CXCursor e, CXCursor *arg) {
    if (clang_getCursorKind(e) != CXCursor_CallExpr || clang_Cursor_getNumArguments(e) < 1)
        return false;
    CXCursor d = clang_getCursorReferenced(e);
    if (!is_function(d))
        return false;
    CXString s = clang_getCursorSpelling(d);
    const char *n = clang_getCString(s);
    bool r = n && (strcmp(n, "__builtin_expect") == 0 ||
                   strcmp(n, "__builtin_expect_with_probability") == 0);
    clang_disposeString(s);
    if (r)
        *arg = clang_Cursor_getArgument(e, 0);
    return r;
}

/* The function pointer expression without casts, parentheses and `*`
 * ((*dealloc)(op) calls dealloc). */
static CXCursor pointer_core(fe_ctx *cx, CXCursor f) {
    CXCursor *kids;
    for (int i = 0; i < 8; i++) {
        f = fe_strip(cx, f);
        if (clang_getCursorKind(f) != CXCursor_UnaryOperator ||
            clang_getCursorUnaryOperatorKind(f) != CXUnaryOperator_Deref ||
            fe_expr_children(cx->tu, cx->mem, f, &kids) != 1)
            break;
        f = kids[0];
    }
    return f;
}

/* "RECORD.FIELD" for a member expression naming a struct's field. */
static const char *member_slot(fe_ctx *cx, CXCursor m) {
    CXCursor *kids;
    if (clang_getCursorKind(m) != CXCursor_MemberRefExpr ||
        fe_expr_children(cx->tu, cx->mem, m, &kids) < 1)
        return NULL;
    const char *record = fe_member_record(cx->tu, m, clang_getCursorType(kids[0]));
    const char *field = fe_spelling(cx->mem, m);
    if (!record || !field || !*field)
        return NULL;
    return arena_printf(&cx->tu->mem, "%s.%s", record, field);
}

/* The slot a call goes through: f is a struct's function-pointer field
 * (Py_TYPE(op)->tp_free), or a local variable initialized from one and
 * never assigned again nor its address taken (object.c's
 * `destructor dealloc = Py_TYPE(op)->tp_dealloc; ... (*dealloc)(op);`). */
static const char *call_slot(fe_ctx *cx, CXCursor f) {
    f = pointer_core(cx, f);
    if (clang_getCursorKind(f) == CXCursor_MemberRefExpr)
        return member_slot(cx, f);
    if (clang_getCursorKind(f) != CXCursor_DeclRefExpr)
        return NULL;
    CXCursor var = clang_getCursorReferenced(f), init;
    if (!fe_local_initializer(cx, var, &init))
        return NULL;
    return member_slot(cx, fe_strip(cx, init));
}

static ir_callee indirect_callee(fe_ctx *cx, CXCursor e) {
    ir_callee c = {0};
    c.nparams = -1;
    CXCursor *kids;
    if (fe_expr_children(cx->tu, cx->mem, e, &kids) > 0) {
        c.slot = call_slot(cx, kids[0]);
        c.name = c.slot; /* rules and messages name the call by its slot */
        fe_value(cx, kids[0]); /* the function pointer expression */
    }
    return c;
}

static ir_operand *lower_args(fe_ctx *cx, CXCursor e, int *n) {
    int na = clang_Cursor_getNumArguments(e);
    *n = na > 0 ? na : 0;
    ir_operand *args = ARENA_ARRAY(cx->mem, ir_operand, *n ? *n : 1);
    for (int i = 0; i < *n; i++)
        args[i] = fe_value(cx, clang_Cursor_getArgument(e, (unsigned)i));
    return args;
}

static ir_place result_place(fe_ctx *cx, CXCursor e, const ir_place *dst, bool want) {
    ir_place none = {0};
    if (dst)
        return *dst;
    CXType rt = clang_getCursorType(e);
    if (!want || clang_getCanonicalType(rt).kind == CXType_Void)
        return none;
    return ir_place_var(cx->f, fe_temp(cx, fe_vtype(cx->tu, rt)));
}

/* The called function's declaration, also when its name is parenthesised
 * ((g_object_ref)(obj), which GLib's macros write to avoid recursion). */
static CXCursor callee_decl(fe_ctx *cx, CXCursor e) {
    CXCursor d = clang_getCursorReferenced(e);
    if (is_function(d))
        return d;
    CXCursor *kids;
    if (fe_expr_children(cx->tu, cx->mem, e, &kids) < 1)
        return d;
    CXCursor f = fe_strip(cx, kids[0]);
    if (clang_getCursorKind(f) != CXCursor_DeclRefExpr)
        return d;
    CXCursor r = clang_getCursorReferenced(f);
    return is_function(r) ? r : d;
}

ir_operand fe_call(fe_ctx *cx, CXCursor e, const ir_place *dst, bool want_value) {
    CXCursor d = callee_decl(cx, e);
    ir_callee callee = is_function(d) ? *fe_callee(cx->tu, d) : indirect_callee(cx, e);
    ir_loc loc = fe_cursor_loc(cx->tu, e);
    int nargs;
    ir_operand *args = lower_args(cx, e, &nargs);
    ir_place res = result_place(cx, e, dst, want_value);
    ir_instr *in = fe_emit(cx, IR_CALL, loc);
    in->callee = callee;
    in->args = args;
    in->nargs = nargs;
    in->dst = res;
    if (!callee.noreturn)
        res = fe_call_stores(cx, in, loc); /* may move in */
    if (callee.noreturn) {
        fe_terminate(cx, IR_TERM_UNREACHABLE, loc);
        return fe_unknown(cx, e);
    }
    if (res.kind == IR_PLACE_NONE)
        return fe_unknown(cx, e);
    ir_operand o = {0};
    o.kind = IR_OP_PLACE;
    o.place = res;
    o.type = res.type;
    o.loc = loc;
    return o;
}
