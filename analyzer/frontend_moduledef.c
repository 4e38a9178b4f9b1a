/* frontend_moduledef.c: does the unit's module state always exist when its
 * code asks for it (fe_tu.module_state, ir_function.module_state)?
 *
 * Read from the unit's file-scope PyModuleDef definitions with a brace
 * initializer (positional or designated): m_size, an integer constant, and
 * m_slots, an array of PyModuleDef_Slot whose Py_mod_create entry is looked
 * for. The answer is yes when the unit defines at least one and every one
 * asks for state (m_size > 0) and has no Py_mod_create slot. CPython 3.11
 * then allocates md_state (zeroed) when it creates the module: in
 * _PyModule_CreateInitialized for single-phase init (moduleobject.c:233),
 * in PyModule_ExecDef before any Py_mod_exec slot runs for multi-phase
 * init (moduleobject.c:397); only module_dealloc frees it. So
 * PyModule_GetState(m) is not NULL for a module m of the unit's own
 * definitions, the only modules whose state a unit can read (the state's
 * layout is the unit's own struct).
 *
 * What would make it wrong, and is excluded: a definition without state
 * (m_size 0 or -1) in the same unit; a Py_mod_create slot (it may return
 * an object that is not a module, and a create function runs before the
 * state exists); an m_size or slot id that is not a constant, an m_slots
 * array the unit does not define, or an array of definitions. Not
 * excluded: code that asks another unit's module for its state through the
 * unit's own state type, which is a type confusion of its own.
 *
 * Assumes libclang's syntactic view of initializer lists (as
 * frontend_typeobj.c does) and CPython 3.11's Py_mod_create (1,
 * moduleobject.h), part of its stable ABI.
 */
#include "frontend_lower.h"

#include <string.h>

#define PY_MOD_CREATE 1

typedef struct field_find {
    const char *name;
    int n, at;
} field_find;

static enum CXVisitorResult match_field(CXCursor c, CXClientData d) {
    field_find *f = d;
    CXString s = clang_getCursorSpelling(c);
    if (strcmp(clang_getCString(s), f->name) == 0)
        f->at = f->n;
    clang_disposeString(s);
    f->n++;
    return f->at >= 0 ? CXVisit_Break : CXVisit_Continue;
}

/* The position of field `name` in record type ty, or -1. */
static int field_index(CXType ty, const char *name) {
    field_find f = {.name = name, .at = -1};
    clang_Type_visitFields(ty, match_field, &f);
    return f.at;
}

/* The value given to field `name` in the brace list init of record type ty,
 * or a null cursor if the list does not name it. Positional elements follow
 * the fields in order, continuing after a designated one. */
static CXCursor field_value(fe_tu *t, CXCursor init, CXType ty, const char *name) {
    int want = field_index(ty, name);
    CXCursor *kids;
    int n = fe_children(t, &t->mem, init, &kids);
    for (int i = 0, pos = 0; i < n && want >= 0 && pos >= 0; i++, pos++) {
        CXCursor e = kids[i], *sub;
        int ns = fe_children(t, &t->mem, e, &sub);
        if (clang_getCursorKind(e) == CXCursor_UnexposedExpr && ns > 1 &&
            clang_getCursorKind(sub[0]) == CXCursor_MemberRef) { /* .field = value */
            pos = field_index(ty, fe_spelling(&t->mem, sub[0]));
            e = sub[ns - 1];
        }
        if (pos == want)
            return e;
    }
    return clang_getNullCursor();
}

/* The brace list a variable definition is initialized with, or null. */
static CXCursor brace_init(fe_tu *t, CXCursor var) {
    CXCursor *kids;
    int n = fe_children(t, &t->mem, var, &kids);
    return n > 0 && clang_getCursorKind(kids[n - 1]) == CXCursor_InitListExpr
               ? kids[n - 1]
               : clang_getNullCursor();
}

static enum CXChildVisitResult find_var_ref(CXCursor c, CXCursor parent, CXClientData d) {
    (void)parent;
    CXCursor r = clang_getCursorReferenced(c);
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
        clang_getCursorKind(r) == CXCursor_VarDecl) {
        *(CXCursor *)d = r;
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

/* Is m_slots value v free of a Py_mod_create entry? NULL is; an array the
 * unit defines is when each {id, value} element's id is a constant other
 * than Py_mod_create; anything else might not be. */
static bool no_create_slot(fe_tu *t, CXCursor v) {
    long long k;
    if (clang_Cursor_isNull(v) || (fe_eval_int(v, &k) && k == 0))
        return true;
    CXCursor var = clang_getNullCursor();
    if (clang_getCursorKind(v) == CXCursor_DeclRefExpr)
        find_var_ref(v, v, &var);
    else
        clang_visitChildren(v, find_var_ref, &var);
    CXCursor def = clang_Cursor_isNull(var) ? var : clang_getCursorDefinition(var);
    CXCursor init = clang_Cursor_isNull(def) ? def : brace_init(t, def);
    if (clang_Cursor_isNull(init))
        return false;
    CXCursor *slots, *pair;
    int n = fe_children(t, &t->mem, init, &slots);
    for (int i = 0; i < n; i++) {
        if (clang_getCursorKind(slots[i]) != CXCursor_InitListExpr ||
            fe_children(t, &t->mem, slots[i], &pair) < 1 || !fe_eval_int(pair[0], &k) ||
            k == PY_MOD_CREATE)
            return false;
    }
    return true;
}

typedef struct moddefs {
    fe_tu *t;
    int n;            /* PyModuleDef definitions seen */
    bool all_state;   /* each asks for state and has no create slot */
} moddefs;

static void read_moduledef(moddefs *m, CXCursor var, CXType ty) {
    CXCursor init = brace_init(m->t, var);
    long long size;
    m->n++;
    if (clang_Cursor_isNull(init)) {
        m->all_state = false;
        return;
    }
    CXCursor sz = field_value(m->t, init, ty, "m_size");
    if (clang_Cursor_isNull(sz) || !fe_eval_int(sz, &size) || size <= 0 ||
        !no_create_slot(m->t, field_value(m->t, init, ty, "m_slots")))
        m->all_state = false;
}

static bool is_moduledef(CXType ty) {
    CXString s = clang_getCursorSpelling(clang_getTypeDeclaration(ty));
    bool yes = ty.kind == CXType_Record && strcmp(clang_getCString(s), "PyModuleDef") == 0;
    clang_disposeString(s);
    return yes;
}

/* Every file-scope definition of the unit counts (a module's definition may
 * sit in a file the main one includes); an array of definitions is not
 * read, and so answers no. */
static enum CXChildVisitResult visit_def(CXCursor c, CXCursor parent, CXClientData d) {
    (void)parent;
    moddefs *m = d;
    if (clang_getCursorKind(c) != CXCursor_VarDecl || !clang_isCursorDefinition(c))
        return CXChildVisit_Continue;
    CXType ty = clang_getCanonicalType(clang_getCursorType(c));
    if (is_moduledef(ty))
        read_moduledef(m, c, ty);
    else if (ty.kind == CXType_ConstantArray && is_moduledef(clang_getCanonicalType(
                                                    clang_getArrayElementType(ty))))
        m->all_state = false;
    return CXChildVisit_Continue;
}

bool fe_module_state(fe_tu *t) {
    moddefs m = {.t = t, .all_state = true};
    clang_visitChildren(clang_getTranslationUnitCursor(t->tu), visit_def, &m);
    return m.n > 0 && m.all_state;
}
