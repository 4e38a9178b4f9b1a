/* frontend_atomic.c: atomic stores are stores.
 *
 * C11's atomic_store_explicit (clang's __c11_atomic_store) and GCC's
 * __atomic_store_n / __atomic_store write a value through a pointer, as
 * `*p = v` does; CPython's _Py_atomic_store* macros expand to them
 * (Include/internal/pycore_atomic.h), and signalmodule.c keeps its handler
 * references in an array written that way. They are AtomicExpr nodes, which
 * libclang does not expose: an unexposed expression whose begin location is
 * the builtin's name. The name is read from the token spelled there (in the
 * header that defines the macro, or the user's file).
 *
 * Assumes clang's AtomicExpr child order: the pointer, the memory order, then
 * the value (for __atomic_store, a pointer to the value). A store is lowered
 * as IR_ASSIGN to *p of the value, so an object pointer stored that way is
 * handed to the heap like any other field store; anything else about the
 * expression (the order argument) is lowered for its effects only.
 */
#include "frontend_lower.h"

#include <string.h>

typedef enum atomic_kind { AT_NONE, AT_STORE, AT_STORE_INDIRECT } atomic_kind;

static atomic_kind kind_of_name(const char *n) {
    if (!n)
        return AT_NONE;
    if (strcmp(n, "__c11_atomic_store") == 0 || strcmp(n, "__atomic_store_n") == 0)
        return AT_STORE;
    if (strcmp(n, "__atomic_store") == 0)
        return AT_STORE_INDIRECT; /* __atomic_store(p, &v, order) */
    return AT_NONE;
}

/* The identifier spelled where e begins (the builtin's name), or NULL. */
static const char *builtin_name(fe_ctx *cx, CXCursor e) {
    CXSourceLocation at = clang_getCursorLocation(e);
    CXFile file;
    unsigned line, col;
    clang_getSpellingLocation(at, &file, &line, &col, NULL);
    if (!file)
        return NULL;
    CXToken *tok = clang_getToken(cx->tu->tu, clang_getLocation(cx->tu->tu, file, line, col));
    if (!tok)
        return NULL;
    const char *name = NULL;
    if (clang_getTokenKind(*tok) == CXToken_Identifier) {
        CXString s = clang_getTokenSpelling(cx->tu->tu, *tok);
        name = arena_strdup(cx->mem, clang_getCString(s));
        clang_disposeString(s);
    }
    clang_disposeTokens(cx->tu->tu, tok, 1);
    return name;
}

static atomic_kind atomic_store_kind(fe_ctx *cx, CXCursor e) {
    if (clang_getCursorKind(e) != CXCursor_UnexposedExpr)
        return AT_NONE;
    if (clang_getCanonicalType(clang_getCursorType(e)).kind != CXType_Void)
        return AT_NONE;
    return kind_of_name(builtin_name(cx, e));
}

/* The stored value: v itself, or *v for __atomic_store's pointer. */
static ir_operand stored_value(fe_ctx *cx, CXCursor v, atomic_kind k) {
    if (k == AT_STORE)
        return fe_value(cx, v);
    ir_place src;
    ir_loc loc = fe_cursor_loc(cx->tu, v);
    if (!fe_pointee_place(cx, v, clang_getPointeeType(clang_getCursorType(v)), loc, &src))
        return fe_unknown(cx, v);
    ir_operand o = {.kind = IR_OP_PLACE, .place = src, .type = src.type, .loc = loc};
    return o;
}

bool fe_atomic_store(fe_ctx *cx, CXCursor e) {
    atomic_kind k = atomic_store_kind(cx, e);
    CXCursor *kids;
    if (k == AT_NONE || fe_expr_children(cx->tu, cx->mem, e, &kids) != 3)
        return false;
    CXCursor ptr = kids[0], order = kids[1], val = kids[2];
    ir_loc loc = fe_cursor_loc(cx->tu, e);
    ir_place dst;
    CXType pointee = clang_getPointeeType(clang_getCursorType(ptr));
    bool ok = fe_pointee_place(cx, ptr, pointee, loc, &dst);
    fe_effect(cx, order);
    ir_operand v = stored_value(cx, val, k);
    if (!ok)
        return true; /* lowered for the effects only */
    ir_instr *in = fe_emit(cx, IR_ASSIGN, loc);
    in->dst = dst;
    in->src = v;
    return true;
}
