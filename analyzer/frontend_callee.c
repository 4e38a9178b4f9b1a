/* frontend_callee.c: what a function's declaration says (ir_callee): name,
 * annotate("refflow:...") strings, return kind, noreturn, where it is defined,
 * parameter count.
 *
 * Facts are cached per canonical declaration for the translation unit and
 * live in the TU arena. noreturn comes from the function type (GNU
 * noreturn attribute), from an attribute spelled _Noreturn/noreturn, or from
 * a short list of C library functions that never return (so that a missing
 * #include does not lose it). API-specific fatal functions (Py_FatalError,
 * ...) are the rules' business, not this list's.
 */
#include "frontend_lower.h"

#include <ctype.h>
#include <string.h>

static const char *const libc_noreturn[] = {
    "abort", "exit", "_exit", "_Exit", "quick_exit", "__assert_fail", "__assert_rtn",
    "__assert_perror_fail", "longjmp", "siglongjmp", "_longjmp", "__longjmp_chk",
    "pthread_exit", "thrd_exit", "err", "errx", "verr", "verrx", "__builtin_unreachable",
    "__builtin_trap", "__builtin_abort", "__builtin_exit", "__builtin_longjmp", NULL,
};

static bool known_noreturn(const char *name) {
    for (int i = 0; libc_noreturn[i]; i++)
        if (strcmp(name, libc_noreturn[i]) == 0)
            return true;
    return false;
}

static bool contains_noreturn(const char *s) {
    for (; s && *s; s++) {
        static const char word[] = "noreturn";
        size_t i = 0;
        while (word[i] && tolower((unsigned char)s[i]) == word[i])
            i++;
        if (!word[i])
            return true;
    }
    return false;
}

static bool type_says_noreturn(CXType fty) {
    CXString s = clang_getTypeSpelling(fty);
    bool r = contains_noreturn(clang_getCString(s));
    clang_disposeString(s);
    return r;
}

/* _Noreturn / [[noreturn]] show up as an unexposed attribute: read its first
 * token (through a macro, its name: NORETURN, Py_NO_RETURN, ...). */
static bool attr_says_noreturn(fe_tu *t, CXCursor attr) {
    CXToken *toks = NULL;
    unsigned n = 0;
    clang_tokenize(t->tu, clang_getCursorExtent(attr), &toks, &n);
    bool r = false;
    for (unsigned i = 0; i < n && i < 4 && !r; i++) {
        CXString s = clang_getTokenSpelling(t->tu, toks[i]);
        r = contains_noreturn(clang_getCString(s));
        clang_disposeString(s);
    }
    if (toks)
        clang_disposeTokens(t->tu, toks, n);
    return r;
}

typedef struct attr_walk {
    fe_tu *t;
    ir_callee *c;
    const char *annots[64];
} attr_walk;

static void add_annotation(attr_walk *w, CXCursor attr) {
    CXString s = clang_getCursorSpelling(attr);
    const char *text = clang_getCString(s);
    if (text && strncmp(text, "refflow:", 8) == 0 && w->c->nannots < 64)
        w->annots[w->c->nannots++] = arena_strdup(&w->t->mem, text + 8);
    clang_disposeString(s);
}

static enum CXChildVisitResult visit_attr(CXCursor c, CXCursor parent, CXClientData d) {
    attr_walk *w = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_AnnotateAttr)
        add_annotation(w, c);
    else if (k == CXCursor_UnexposedAttr && !w->c->noreturn)
        w->c->noreturn = attr_says_noreturn(w->t, c);
    return CXChildVisit_Continue;
}

static void read_attributes(fe_tu *t, CXCursor d, ir_callee *c) {
    attr_walk w = {.t = t, .c = c};
    clang_visitChildren(d, visit_attr, &w);
    if (!c->nannots)
        return;
    c->annots = ARENA_ARRAY(&t->mem, const char *, c->nannots);
    memcpy(c->annots, w.annots, sizeof *c->annots * (size_t)c->nannots);
}

static void read_signature(fe_tu *t, CXCursor d, ir_callee *c) {
    CXType fty = clang_getCursorType(d);
    ir_vtype rt = fe_vtype(t, clang_getResultType(fty));
    c->returns_ref = rt == IR_VT_REF;
    c->returns_int = rt == IR_VT_INT;
    c->returns_void = clang_getCanonicalType(clang_getResultType(fty)).kind == CXType_Void;
    c->variadic = fty.kind == CXType_FunctionProto && clang_isFunctionTypeVariadic(fty);
    c->nparams = fty.kind == CXType_FunctionProto ? clang_getNumArgTypes(fty) : -1;
    c->noreturn = type_says_noreturn(fty) || known_noreturn(c->name);
}

static bool defined_in_main_file(fe_tu *t, CXCursor d) {
    CXCursor def = clang_getCursorDefinition(d);
    return !clang_Cursor_isNull(def) && fe_in_main_file(t, def);
}

static ir_callee *compute(fe_tu *t, CXCursor d) {
    ir_callee *c = ARENA_NEW(&t->mem, ir_callee);
    c->name = fe_spelling(&t->mem, d);
    read_signature(t, d, c);
    read_attributes(t, d, c);
    c->defined_here = defined_in_main_file(t, d);
    c->is_static = clang_Cursor_getStorageClass(d) == CX_SC_Static;
    c->decl = fe_name_loc(t, d);
    return c;
}

/* Keyed by the declaration the call refers to (the latest one seen before it,
 * which carries the attributes inherited from earlier ones). */
const ir_callee *fe_callee(fe_tu *t, CXCursor d) {
    fe_cmap_slot *s = fe_cmap_get(&t->callees, d);
    if (s)
        return s->pval;
    ir_callee *c = compute(t, d);
    fe_cmap_put(&t->callees, d)->pval = c;
    return c;
}
