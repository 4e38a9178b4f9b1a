/* frontend_const.c: seeing through casts, and the constants the IR keeps:
 * integer constants (literals, enum constants, sizeof, simple arithmetic on
 * those), null pointer constants and string literal contents.
 *
 * Stripping is iterative (10,000 nested casts cost no stack); constant folding
 * recurses but stops at MAX_FOLD levels, answering "not constant". An
 * UnexposedExpr is treated as an implicit conversion (and stripped) only when
 * it has exactly one expression child at the same source position: that
 * excludes va_arg, offsetof and other unexposed expressions with a value of
 * their own.
 */
#include "frontend_lower.h"

#include <string.h>

#define MAX_FOLD 64

static CXCursor only_expr_child(fe_ctx *cx, CXCursor e, bool last) {
    CXCursor *kids;
    int n = fe_expr_children(cx->tu, cx->mem, e, &kids);
    if (n == 0 || (!last && n != 1))
        return clang_getNullCursor();
    return kids[n - 1];
}

static CXCursor strip_once(fe_ctx *cx, CXCursor e) {
    CXCursor kid, arg;
    switch (clang_getCursorKind(e)) {
    case CXCursor_ParenExpr:
        return only_expr_child(cx, e, false);
    case CXCursor_CStyleCastExpr:
        return only_expr_child(cx, e, true);
    case CXCursor_UnexposedExpr:
        kid = only_expr_child(cx, e, false);
        if (!clang_Cursor_isNull(kid) && fe_same_spelling_loc(e, kid))
            return kid;
        return clang_getNullCursor();
    case CXCursor_UnaryOperator:
        if (clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Extension)
            return only_expr_child(cx, e, false);
        return clang_getNullCursor();
    case CXCursor_CallExpr:
        if (fe_is_expect_call(e, &arg))
            return arg;
        return clang_getNullCursor();
    default:
        return clang_getNullCursor();
    }
}

CXCursor fe_strip(fe_ctx *cx, CXCursor e) {
    for (;;) {
        CXCursor next = strip_once(cx, e);
        if (clang_Cursor_isNull(next))
            return e;
        e = next;
    }
}

/* ----------------------------------------------------------------- folding */

bool fe_eval_int(CXCursor e, long long *out) {
    CXEvalResult r = clang_Cursor_Evaluate(e);
    if (!r)
        return false;
    bool ok = clang_EvalResult_getKind(r) == CXEval_Int;
    if (ok)
        *out = clang_EvalResult_isUnsignedInt(r) ? (long long)clang_EvalResult_getAsUnsigned(r)
                                                 : clang_EvalResult_getAsLongLong(r);
    clang_EvalResult_dispose(r);
    return ok;
}

static bool fold(fe_ctx *cx, CXCursor e, long long *out, int depth);

static bool fold_unary(fe_ctx *cx, CXCursor e, long long *out, int depth) {
    enum CXUnaryOperatorKind k = clang_getCursorUnaryOperatorKind(e);
    CXCursor kid = only_expr_child(cx, e, false);
    long long v;
    if (clang_Cursor_isNull(kid) || !fold(cx, kid, &v, depth + 1))
        return false;
    switch (k) {
    case CXUnaryOperator_Minus: *out = (long long)(0ULL - (unsigned long long)v); return true;
    case CXUnaryOperator_Plus: *out = v; return true;
    case CXUnaryOperator_Not: *out = ~v; return true;
    case CXUnaryOperator_LNot: *out = !v; return true;
    default: return false;
    }
}

static bool apply_binary(enum CXBinaryOperatorKind k, long long a, long long b, long long *out) {
    unsigned long long ua = (unsigned long long)a, ub = (unsigned long long)b;
    switch (k) {
    case CXBinaryOperator_Add: *out = (long long)(ua + ub); return true;
    case CXBinaryOperator_Sub: *out = (long long)(ua - ub); return true;
    case CXBinaryOperator_Mul: *out = (long long)(ua * ub); return true;
    case CXBinaryOperator_Div: if (!b || (b == -1 && a == (-9223372036854775807LL - 1))) return false; *out = a / b; return true;
    case CXBinaryOperator_Rem: if (!b || b == -1) return false; *out = a % b; return true;
    case CXBinaryOperator_Shl: if (b < 0 || b > 62) return false; *out = (long long)(ua << b); return true;
    case CXBinaryOperator_Shr: if (b < 0 || b > 62) return false; *out = a >> b; return true;
    case CXBinaryOperator_And: *out = a & b; return true;
    case CXBinaryOperator_Or: *out = a | b; return true;
    case CXBinaryOperator_Xor: *out = a ^ b; return true;
    case CXBinaryOperator_LT: *out = a < b; return true;
    case CXBinaryOperator_GT: *out = a > b; return true;
    case CXBinaryOperator_LE: *out = a <= b; return true;
    case CXBinaryOperator_GE: *out = a >= b; return true;
    case CXBinaryOperator_EQ: *out = a == b; return true;
    case CXBinaryOperator_NE: *out = a != b; return true;
    case CXBinaryOperator_LAnd: *out = a && b; return true;
    case CXBinaryOperator_LOr: *out = a || b; return true;
    default: return false;
    }
}

static bool fold_binary(fe_ctx *cx, CXCursor e, long long *out, int depth) {
    CXCursor *kids;
    if (fe_expr_children(cx->tu, cx->mem, e, &kids) != 2)
        return false;
    long long a, b;
    return fold(cx, kids[0], &a, depth + 1) && fold(cx, kids[1], &b, depth + 1) &&
           apply_binary(clang_getCursorBinaryOperatorKind(e), a, b, out);
}

static bool fold_ref(CXCursor e, long long *out) {
    CXCursor d = clang_getCursorReferenced(e);
    if (clang_getCursorKind(d) != CXCursor_EnumConstantDecl)
        return false;
    *out = clang_getEnumConstantDeclValue(d);
    return true;
}

static bool fold(fe_ctx *cx, CXCursor e, long long *out, int depth) {
    if (depth > MAX_FOLD)
        return false;
    e = fe_strip(cx, e);
    CXCursor *kids;
    switch (clang_getCursorKind(e)) {
    case CXCursor_IntegerLiteral:
    case CXCursor_CharacterLiteral:
    case CXCursor_UnaryExpr: /* sizeof, _Alignof */
        return fe_eval_int(e, out);
    case CXCursor_UnexposedExpr: /* offsetof and friends: leaves only */
        return fe_expr_children(cx->tu, cx->mem, e, &kids) == 0 && fe_eval_int(e, out);
    case CXCursor_DeclRefExpr:
        return fold_ref(e, out);
    case CXCursor_UnaryOperator:
        return fold_unary(cx, e, out, depth);
    case CXCursor_BinaryOperator:
        return fold_binary(cx, e, out, depth);
    default:
        return false;
    }
}

bool fe_const_int(fe_ctx *cx, CXCursor e, long long *out) {
    return fold(cx, e, out, 0);
}

bool fe_is_null(fe_ctx *cx, CXCursor e) {
    enum CXCursorKind k = clang_getCursorKind(e);
    if (k == CXCursor_GNUNullExpr || k == CXCursor_CXXNullPtrLiteralExpr)
        return true;
    if (!fe_is_pointer_type(clang_getCursorType(e)))
        return false;
    CXCursor core = fe_strip(cx, e);
    long long v;
    return !fe_is_pointer_type(clang_getCursorType(core)) && fe_const_int(cx, core, &v) &&
           v == 0;
}

/* ----------------------------------------------------------------- strings */

static int hexval(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static const char *unescape_one(const char *s, char *out) {
    static const char from[] = "ntrabfv\\'\"?", to[] = "\n\t\r\a\b\f\v\\'\"?";
    const char *p = strchr(from, *s);
    if (*s && p) {
        *out = to[p - from];
        return s + 1;
    }
    int v = 0;
    if (*s == 'x') {
        s++;
        for (int h; (h = hexval(*s)) >= 0; s++)
            v = v * 16 + h;
    } else if (*s >= '0' && *s <= '7') {
        for (int i = 0; i < 3 && *s >= '0' && *s <= '7'; i++, s++)
            v = v * 8 + (*s - '0');
    } else {
        v = '?'; /* \u, \U and unknown escapes: one placeholder character */
        if (*s)
            s++;
    }
    *out = (char)v;
    return s;
}

/* clang spells a (concatenated) literal as one quoted, escaped string. */
const char *fe_string_literal(arena *a, CXCursor lit) {
    const char *sp = fe_spelling(a, lit);
    const char *s = strchr(sp, '"');
    size_t len = strlen(sp);
    char *out = arena_alloc(a, len + 1), *o = out;
    if (!s)
        return out;
    const char *end = sp + len - 1; /* the closing quote */
    for (s++; s < end && *s;) {
        if (*s != '\\')
            *o++ = *s++;
        else
            s = unescape_one(s + 1, o++);
    }
    *o = '\0';
    return out;
}
