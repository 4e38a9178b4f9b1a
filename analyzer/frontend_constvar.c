/* frontend_constvar.c: a local variable that keeps its initializer.
 *
 * A local whose every use reads the value it was initialized with: declared
 * with an initializer, never the left side of an assignment (plain or
 * compound), never incremented or decremented, and its address never taken
 * anywhere in the function that declares it. Used to see through
 * `destructor dealloc = Py_TYPE(op)->tp_dealloc; ... (*dealloc)(op);`.
 * Assumes var is a declaration of the function being lowered; the scan
 * walks that function's whole body once per variable (answers are cached
 * for the function).
 */
#include "frontend_lower.h"

typedef struct write_scan {
    fe_ctx *cx;
    CXCursor var;
    bool written;
} write_scan;

static enum CXChildVisitResult first_child(CXCursor c, CXCursor parent, CXClientData d) {
    *(CXCursor *)d = c;
    return CXChildVisit_Break;
}

/* Is operand e (casts and parentheses aside) the variable itself? */
static bool names_var(fe_ctx *cx, CXCursor e, CXCursor var) {
    e = fe_strip(cx, e);
    return clang_getCursorKind(e) == CXCursor_DeclRefExpr &&
           clang_equalCursors(clang_getCursorReferenced(e), var);
}

/* Does operator cursor e write its operand (first child)? */
static bool writes_operand(CXCursor e) {
    enum CXCursorKind k = clang_getCursorKind(e);
    if (k == CXCursor_CompoundAssignOperator)
        return true;
    if (k == CXCursor_BinaryOperator)
        return clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Assign;
    if (k != CXCursor_UnaryOperator)
        return false;
    enum CXUnaryOperatorKind u = clang_getCursorUnaryOperatorKind(e);
    return u == CXUnaryOperator_AddrOf || u == CXUnaryOperator_PostInc ||
           u == CXUnaryOperator_PreInc || u == CXUnaryOperator_PostDec ||
           u == CXUnaryOperator_PreDec;
}

static enum CXChildVisitResult scan(CXCursor c, CXCursor parent, CXClientData d) {
    write_scan *w = d;
    if (writes_operand(c)) {
        CXCursor first = clang_getNullCursor();
        clang_visitChildren(c, first_child, &first);
        if (!clang_Cursor_isNull(first) && names_var(w->cx, first, w->var)) {
            w->written = true;
            return CXChildVisit_Break;
        }
    }
    return CXChildVisit_Recurse;
}

bool fe_local_initializer(fe_ctx *cx, CXCursor var, CXCursor *init) {
    if (clang_getCursorKind(var) != CXCursor_VarDecl ||
        clang_Cursor_hasVarDeclGlobalStorage(var) == 1)
        return false;
    CXCursor fn = clang_getCursorSemanticParent(var);
    if (clang_getCursorKind(fn) != CXCursor_FunctionDecl)
        return false;
    CXCursor *kids;
    int n = fe_expr_children(cx->tu, cx->mem, var, &kids);
    if (n < 1)
        return false;
    fe_cmap_slot *known = fe_cmap_get(&cx->kept_init, var);
    if (!known) {
        write_scan w = {.cx = cx, .var = var};
        clang_visitChildren(fn, scan, &w);
        known = fe_cmap_put(&cx->kept_init, var);
        known->ival = !w.written;
    }
    if (!known->ival)
        return false;
    *init = kids[n - 1];
    return true;
}
