/* frontend_init.c: brace initializers of local variables, written element by
 * element into the variable: "PyObject *v[2] = {a, f()}" is v[] = a,
 * v[] = call f(); "struct S s = {x, .n = 1, .in.y = 2}" is s.a = x, s.n = 1,
 * s.in.y = 2.
 *
 * Assumes libclang's view of an initializer list: its syntactic form, where a
 * designated element is an UnexposedExpr whose MemberRef children name the
 * fields (".in.y") and whose last expression child is the value (array
 * designators "[i] =" add the index as an expression child before it).
 * Positional elements follow the record's fields in order, continuing after
 * the last designated one. Nested lists recurse under the depth guard.
 */
#include "frontend_lower.h"

#include <string.h>

typedef struct field_list {
    CXCursor *v;
    int n, cap;
    arena *mem;
} field_list;

static enum CXVisitorResult add_field(CXCursor c, CXClientData d) {
    field_list *l = d;
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        CXCursor *v = ARENA_ARRAY(l->mem, CXCursor, cap);
        if (l->n)
            memcpy(v, l->v, sizeof *v * (size_t)l->n);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = c;
    return CXVisit_Continue;
}

static int field_index(fe_ctx *cx, const field_list *fl, const char *name) {
    for (int i = 0; i < fl->n; i++)
        if (strcmp(fe_spelling(cx->mem, fl->v[i]), name) == 0)
            return i;
    return -1;
}

static void init_into(fe_ctx *cx, ir_place dst, CXType ty, CXCursor e, ir_loc loc);

/* The MemberRef children of a designated element (its field path). */
static int designators(fe_ctx *cx, CXCursor e, CXCursor **out) {
    CXCursor *kids;
    int n = fe_children(cx->tu, cx->mem, e, &kids), k = 0;
    for (int i = 0; i < n; i++)
        if (clang_getCursorKind(kids[i]) == CXCursor_MemberRef)
            kids[k++] = kids[i];
    *out = kids;
    return k;
}

static bool is_designated(CXCursor e) {
    return clang_getCursorKind(e) == CXCursor_UnexposedExpr &&
           clang_getCanonicalType(clang_getCursorType(e)).kind == CXType_Void;
}

static CXCursor designated_value(fe_ctx *cx, CXCursor e) {
    CXCursor *kids;
    int n = fe_expr_children(cx->tu, cx->mem, e, &kids);
    return n ? kids[n - 1] : clang_getNullCursor();
}

static ir_place field_place(fe_ctx *cx, ir_place p, CXCursor field) {
    const char *name = fe_spelling(cx->mem, field);
    return ir_place_step(cx->f, p, IR_STEP_FIELD, name,
                         fe_vtype(cx->tu, clang_getCursorType(field)));
}

static void record_init(fe_ctx *cx, ir_place dst, CXType ty, CXCursor *kids, int n,
                        ir_loc loc) {
    field_list fl = {.mem = cx->mem};
    clang_Type_visitFields(ty, add_field, &fl);
    int pos = 0;
    for (int i = 0; i < n; i++) {
        CXCursor *path, value = kids[i];
        int np = is_designated(kids[i]) ? designators(cx, kids[i], &path) : 0;
        ir_place p = dst;
        CXType fty;
        if (np) {
            value = designated_value(cx, kids[i]);
            for (int j = 0; j < np; j++)
                p = field_place(cx, p, path[j]);
            fty = clang_getCursorType(path[np - 1]);
            int at = field_index(cx, &fl, fe_spelling(cx->mem, path[0]));
            pos = at >= 0 ? at + 1 : pos;
        } else if (pos < fl.n) {
            p = field_place(cx, p, fl.v[pos]);
            fty = clang_getCursorType(fl.v[pos++]);
        } else {
            fe_effect(cx, kids[i]);
            continue;
        }
        if (!clang_Cursor_isNull(value))
            init_into(cx, p, fty, value, loc);
    }
}

static void array_init(fe_ctx *cx, ir_place dst, CXType ty, CXCursor *kids, int n,
                       ir_loc loc) {
    CXType ety = clang_getArrayElementType(ty);
    ir_place p = ir_place_step(cx->f, dst, IR_STEP_INDEX, NULL, fe_vtype(cx->tu, ety));
    for (int i = 0; i < n; i++) {
        CXCursor value = is_designated(kids[i]) ? designated_value(cx, kids[i]) : kids[i];
        if (is_designated(kids[i])) { /* [i] = v: the index is evaluated too */
            CXCursor *ek;
            int ne = fe_expr_children(cx->tu, cx->mem, kids[i], &ek);
            for (int j = 0; j + 1 < ne; j++)
                fe_effect(cx, ek[j]);
        }
        if (!clang_Cursor_isNull(value))
            init_into(cx, p, ety, value, loc);
    }
}

static void list_into(fe_ctx *cx, ir_place dst, CXType ty, CXCursor list, ir_loc loc) {
    CXCursor *kids;
    int n = fe_expr_children(cx->tu, cx->mem, list, &kids);
    CXType c = clang_getCanonicalType(ty);
    if (fe_is_array_type(c))
        array_init(cx, dst, c, kids, n, loc);
    else if (c.kind == CXType_Record)
        record_init(cx, dst, c, kids, n, loc);
    else if (n > 0) { /* int x = {1}; */
        fe_assign_to(cx, dst, kids[0], loc);
        for (int i = 1; i < n; i++)
            fe_effect(cx, kids[i]);
    }
}

static void init_into(fe_ctx *cx, ir_place dst, CXType ty, CXCursor e, ir_loc loc) {
    CXCursor s = fe_strip(cx, e);
    if (clang_getCursorKind(s) != CXCursor_InitListExpr) {
        fe_assign_to(cx, dst, e, loc);
        return;
    }
    if (!fe_enter(cx, s))
        return;
    list_into(cx, dst, ty, s, loc);
    fe_leave(cx);
}

void fe_init_into(fe_ctx *cx, ir_place dst, CXType ty, CXCursor init, ir_loc loc) {
    init_into(cx, dst, ty, init, loc);
}
