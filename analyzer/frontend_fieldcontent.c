/* frontend_fieldcontent.c: what the object fields of a unit can hold,
 * learned from every store into them that the unit contains, for the type
 * graph's cycles (typegraph.h, tg_field.leaf).
 *
 * A field is "leaf" when at least one store puts an object into it and
 * every store puts in either NULL or a leaf object: one without references
 * to other objects (an exact bytes, bytearray, str, int, float, complex or
 * bool). Leaf values are the results of the CPython constructors listed
 * below, a local variable whose every assignment is leaf or NULL, or a call
 * of a function of the unit whose every return is. Such a field cannot lie
 * on a reference cycle.
 *
 * Soundness: any other way the unit may write a field makes its content
 * unknown: a store of a parameter, a global or an unknown call's result; a
 * compound assignment; its address taken (&self->f), except as the variable
 * argument of a call that keeps it a leaf (_PyBytes_Resize(&self->f, n));
 * an offsetof naming it (a PyMemberDef row lets Python code store anything,
 * unless the row is READONLY; pointer arithmetic); a designated
 * initializer; a whole-struct write (memcpy/memmove into it, a struct
 * assignment, the address of an embedded struct). The learning is applied
 * only to the fields of types this unit implements (typegraph.c,
 * tg_judged_here: their type object, or the struct, is in the main file):
 * assumes such a type's fields are stored into by its own file only.
 */
#include "frontend_lower.h"

#include <string.h>

#define MAX_DEPTH 8
#define PY_READONLY 1

typedef enum content { CT_NONE = 0, CT_LEAF, CT_ANY } content;

typedef struct fc {
    fe_tg *x;
    arena mem;
    fe_ctx cx;         /* tu and mem only: for fe_strip and fe_is_null */
    fe_cmap fields;    /* FieldDecl (canonical) of a graph field -> content + 1 */
    fe_cmap smashed;   /* record decl (canonical) written whole (ival 1) */
    fe_cmap locals;    /* local VarDecl -> content + 1 (CT_ANY while computed) */
    fe_cmap returns;   /* FunctionDecl definition -> content + 1 (likewise) */
    int depth;
} fc;

/* Constructors whose result is an exact leaf object (CPython 3.11). */
static const char *const leaf_prefixes[] = {
    "PyBytes_From", "PyByteArray_From", "PyLong_From", "PyFloat_From",
    "PyComplex_From", "PyBool_From", "PyUnicode_From", NULL,
};
static const char *const leaf_names[] = {
    "PyUnicode_InternFromString", "PyUnicode_New", NULL,
};
/* Not leaf despite the prefix: a codec may return a str subclass instance. */
static const char *const not_leaf_names[] = {"PyUnicode_FromEncodedObject", NULL};
/* Calls whose first argument points to a variable they replace with a leaf
 * object or NULL, or leave as it was. */
static const char *const inplace_names[] = {
    "_PyBytes_Resize", "PyBytes_Concat", "PyBytes_ConcatAndDel", "PyUnicode_Append",
    "PyUnicode_AppendAndDel", "PyUnicode_InternInPlace", NULL,
};
static const char *const copy_names[] = {"memcpy", "memmove", "__builtin_memcpy",
                                         "__builtin_memmove", "__builtin___memcpy_chk",
                                         "__builtin___memmove_chk", NULL};

static bool leaf_api(const char *name) {
    if (!name || fe_in_names(not_leaf_names, name))
        return false;
    for (const char *const *p = leaf_prefixes; *p; p++)
        if (strncmp(name, *p, strlen(*p)) == 0)
            return true;
    return fe_in_names(leaf_names, name);
}

static content join(content a, content b) {
    return a > b ? a : b;
}

/* --- small cursor helpers ------------------------------------------------ */

static CXCursor strip(fc *s, CXCursor e) {
    return fe_strip(&s->cx, e);
}

static int kids(fc *s, CXCursor c, CXCursor **out) {
    return fe_expr_children(s->x->t, &s->mem, c, out);
}

static const char *callee_name(fc *s, CXCursor call, CXCursor *decl) {
    *decl = clang_getCursorReferenced(call);
    if (clang_getCursorKind(*decl) != CXCursor_FunctionDecl)
        return NULL;
    return fe_spelling(&s->mem, *decl);
}

/* The call's arguments (its expression children after the callee). */
static int call_args(fc *s, CXCursor call, CXCursor **out) {
    int n = kids(s, call, out);
    int a = clang_Cursor_getNumArguments(call);
    if (a < 0 || a > n)
        return 0;
    *out += n - a;
    return a;
}

static bool is_assign(CXCursor c) {
    return clang_getCursorKind(c) == CXCursor_BinaryOperator &&
           clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign;
}

static bool is_addr_of(CXCursor c) {
    return clang_getCursorKind(c) == CXCursor_UnaryOperator &&
           clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_AddrOf;
}

static CXCursor record_decl(CXType ty) {
    CXType c = clang_getCanonicalType(ty);
    return c.kind == CXType_Record ? clang_getCanonicalCursor(clang_getTypeDeclaration(c))
                                   : clang_getNullCursor();
}

static void smash(fc *s, CXType ty) {
    CXCursor r = record_decl(ty);
    if (!clang_Cursor_isNull(r))
        fe_cmap_put(&s->smashed, r)->ival = 1;
}

/* The graph field a (stripped) member expression names, or a null cursor. */
static CXCursor graph_field(fc *s, CXCursor e) {
    if (clang_getCursorKind(e) != CXCursor_MemberRefExpr &&
        clang_getCursorKind(e) != CXCursor_MemberRef)
        return clang_getNullCursor();
    CXCursor f = clang_getCanonicalCursor(clang_getCursorReferenced(e));
    return fe_cmap_get(&s->fields, f) ? f : clang_getNullCursor();
}

static void store(fc *s, CXCursor field, content c) {
    fe_cmap_slot *slot = fe_cmap_get(&s->fields, field);
    if (slot)
        slot->ival = join((content)(slot->ival - 1), c) + 1;
}

/* --- what an expression's value is ---------------------------------------- */

static content value_of(fc *s, CXCursor e);

typedef struct scan {
    fc *s;
    CXCursor var;      /* of_local: the variable */
    content c;
} scan;

static enum CXChildVisitResult scan_returns(CXCursor c, CXCursor parent, CXClientData d) {
    scan *w = d;
    CXCursor *k;
    if (clang_getCursorKind(c) != CXCursor_ReturnStmt)
        return CXChildVisit_Recurse;
    if (kids(w->s, c, &k) >= 1)
        w->c = join(w->c, value_of(w->s, k[0]));
    return w->c == CT_ANY ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* A function of the unit: the join of what its returns return. */
static content of_function(fc *s, CXCursor def) {
    fe_cmap_slot *known = fe_cmap_get(&s->returns, def);
    if (known)
        return (content)(known->ival - 1);
    fe_cmap_put(&s->returns, def)->ival = CT_ANY + 1; /* recursion: unknown */
    scan w = {.s = s, .c = CT_NONE};
    clang_visitChildren(def, scan_returns, &w);
    fe_cmap_put(&s->returns, def)->ival = w.c + 1;
    return w.c;
}

static bool is_newref(const char *name) {
    return name && (strcmp(name, "_Py_NewRef") == 0 || strcmp(name, "_Py_XNewRef") == 0 ||
                    strcmp(name, "Py_NewRef") == 0 || strcmp(name, "Py_XNewRef") == 0);
}

static content of_call(fc *s, CXCursor call) {
    CXCursor decl, *args;
    const char *name = callee_name(s, call, &decl);
    if (leaf_api(name))
        return CT_LEAF;
    if (is_newref(name))
        return call_args(s, call, &args) == 1 ? value_of(s, args[0]) : CT_ANY;
    CXCursor def = name ? clang_getCursorDefinition(decl) : clang_getNullCursor();
    return clang_Cursor_isNull(def) ? CT_ANY : of_function(s, def);
}

/* The variable an in-place call (_PyBytes_Resize(&v, n)) replaces,
 * stripped; a null cursor if call is not one. */
static CXCursor inplace_target(fc *s, CXCursor call) {
    CXCursor decl, *args, *inner;
    if (!fe_in_names(inplace_names, callee_name(s, call, &decl)) || call_args(s, call, &args) < 1)
        return clang_getNullCursor();
    CXCursor a = strip(s, args[0]);
    if (!is_addr_of(a) || kids(s, a, &inner) != 1)
        return clang_getNullCursor();
    return strip(s, inner[0]);
}

/* Visits the children of an in-place call but its &v argument (which
 * would otherwise count as an address taken) with visitor fn. */
static void visit_but_target(fc *s, CXCursor call, CXCursorVisitor fn, void *d) {
    CXCursor *k;
    int n = fe_children(s->x->t, &s->mem, call, &k);
    int skip = n - clang_Cursor_getNumArguments(call);
    for (int i = 0; i < n; i++)
        if (i != skip && fn(k[i], call, d) == CXChildVisit_Recurse)
            clang_visitChildren(k[i], fn, d);
}

static bool names_var(fc *s, CXCursor e, CXCursor var) {
    e = strip(s, e);
    return clang_getCursorKind(e) == CXCursor_DeclRefExpr &&
           clang_equalCursors(clang_getCanonicalCursor(clang_getCursorReferenced(e)), var);
}

/* Every write of the variable: assignments, in-place calls; a compound
 * assignment or any other &v makes it unknown. */
static enum CXChildVisitResult scan_var(CXCursor c, CXCursor parent, CXClientData d) {
    scan *w = d;
    CXCursor *k;
    enum CXCursorKind kind = clang_getCursorKind(c);
    if (is_assign(c) && kids(w->s, c, &k) == 2 && names_var(w->s, k[0], w->var))
        w->c = join(w->c, value_of(w->s, k[1]));
    else if (kind == CXCursor_CallExpr && !clang_Cursor_isNull(inplace_target(w->s, c))) {
        if (names_var(w->s, inplace_target(w->s, c), w->var))
            w->c = join(w->c, CT_LEAF);
        visit_but_target(w->s, c, scan_var, w);
        return CXChildVisit_Continue;
    } else if ((kind == CXCursor_CompoundAssignOperator || is_addr_of(c)) &&
               kids(w->s, c, &k) >= 1 && names_var(w->s, k[0], w->var))
        w->c = CT_ANY;
    return w->c == CT_ANY ? CXChildVisit_Break : CXChildVisit_Recurse;
}

/* A local variable: the join of its initializer and every write. */
static content of_local(fc *s, CXCursor var) {
    fe_cmap_slot *known = fe_cmap_get(&s->locals, var);
    if (known)
        return (content)(known->ival - 1);
    CXCursor fn = clang_getCursorSemanticParent(var);
    if (clang_getCursorKind(fn) != CXCursor_FunctionDecl ||
        clang_Cursor_hasVarDeclGlobalStorage(var) == 1)
        return CT_ANY;
    fe_cmap_put(&s->locals, var)->ival = CT_ANY + 1; /* a chain back to it: unknown */
    scan w = {s, var, CT_NONE};
    CXCursor *k;
    int n = kids(s, var, &k);
    if (n >= 1)
        w.c = value_of(s, k[n - 1]);
    if (w.c != CT_ANY)
        clang_visitChildren(fn, scan_var, &w);
    fe_cmap_put(&s->locals, var)->ival = w.c + 1;
    return w.c;
}

static content value_of(fc *s, CXCursor e) {
    if (fe_is_null(&s->cx, e))
        return CT_NONE;
    e = strip(s, e);
    CXCursor *k, r;
    content c = CT_ANY;
    if (s->depth >= MAX_DEPTH)
        return CT_ANY;
    s->depth++;
    switch (clang_getCursorKind(e)) {
    case CXCursor_CallExpr:
        c = of_call(s, e);
        break;
    case CXCursor_DeclRefExpr:
        r = clang_getCursorReferenced(e);
        if (clang_getCursorKind(r) == CXCursor_VarDecl)
            c = of_local(s, clang_getCanonicalCursor(r));
        break;
    case CXCursor_ConditionalOperator:
        if (kids(s, e, &k) == 3)
            c = join(value_of(s, k[1]), value_of(s, k[2]));
        break;
    default:
        break;
    }
    s->depth--;
    return c;
}

/* --- the unit's writes of graph fields ------------------------------------- */

static void on_assign(fc *s, CXCursor lhs, CXCursor rhs) {
    lhs = strip(s, lhs);
    CXCursor f = graph_field(s, lhs);
    fe_cmap_slot *slot = clang_Cursor_isNull(f) ? NULL : fe_cmap_get(&s->fields, f);
    if (slot && slot->ival - 1 != CT_ANY)
        store(s, f, value_of(s, rhs));
    else if (!slot)
        smash(s, clang_getCursorType(lhs)); /* a struct assignment writes all its fields */
}

static void on_address(fc *s, CXCursor addr) {
    CXCursor *k;
    if (kids(s, addr, &k) != 1)
        return;
    CXCursor e = strip(s, k[0]), f = graph_field(s, e);
    if (!clang_Cursor_isNull(f))
        store(s, f, CT_ANY);
    else if (clang_getCursorKind(e) == CXCursor_MemberRefExpr)
        smash(s, clang_getCursorType(e)); /* &self->embedded: written through */
}

static enum CXChildVisitResult walk(CXCursor c, CXCursor parent, CXClientData d);

/* An in-place call on a field stores a leaf into it; a copy into a struct
 * writes all its fields. */
static enum CXChildVisitResult on_call(fc *s, CXCursor call) {
    CXCursor decl, *args;
    CXCursor t = inplace_target(s, call);
    if (!clang_Cursor_isNull(t)) {
        if (!clang_Cursor_isNull(graph_field(s, t)))
            store(s, graph_field(s, t), CT_LEAF);
        visit_but_target(s, call, walk, s);
        return CXChildVisit_Continue;
    }
    if (fe_in_names(copy_names, callee_name(s, call, &decl)) && call_args(s, call, &args) >= 1)
        smash(s, clang_getPointeeType(clang_getCursorType(strip(s, args[0]))));
    return CXChildVisit_Recurse;
}

/* A PyMemberDef row with the READONLY flag: Python code cannot store
 * through its offsetof. */
static bool readonly_member_row(fc *s, CXCursor init) {
    CXCursor rec = record_decl(clang_getCursorType(init)), *k;
    const char *name = clang_Cursor_isNull(rec) ? NULL : fe_tg_record_name(s->x, rec);
    long long flags;
    return name && strcmp(name, "PyMemberDef") == 0 && kids(s, init, &k) >= 4 &&
           fe_eval_int(k[3], &flags) && (flags & PY_READONLY);
}

static enum CXChildVisitResult walk(CXCursor c, CXCursor parent, CXClientData d) {
    fc *s = d;
    CXCursor *k;
    switch (clang_getCursorKind(c)) {
    case CXCursor_BinaryOperator:
        if (is_assign(c) && kids(s, c, &k) == 2)
            on_assign(s, k[0], k[1]);
        break;
    case CXCursor_CompoundAssignOperator:
        if (kids(s, c, &k) == 2 && !clang_Cursor_isNull(graph_field(s, strip(s, k[0]))))
            store(s, graph_field(s, strip(s, k[0])), CT_ANY);
        break;
    case CXCursor_UnaryOperator:
        if (is_addr_of(c))
            on_address(s, c);
        break;
    case CXCursor_CallExpr:
        return on_call(s, c);
    case CXCursor_MemberRef: /* offsetof(S, f), a designated initializer .f = v */
        if (!clang_Cursor_isNull(graph_field(s, c)))
            store(s, graph_field(s, c), CT_ANY);
        break;
    case CXCursor_InitListExpr:
        if (readonly_member_row(s, c))
            return CXChildVisit_Continue;
        break;
    default:
        break;
    }
    return CXChildVisit_Recurse;
}

/* --- giving the answers to the graph ---------------------------------------- */

static bool smashed(fc *s, CXCursor rec) {
    return fe_cmap_get(&s->smashed, rec) != NULL;
}

/* Was node t, or a base embedded in it, written whole? */
static bool node_smashed(fc *s, int t) {
    for (int k = 0; t >= 0 && k < 16; k++, t = s->x->g->types[t].base)
        if (smashed(s, s->x->records[t]))
            return true;
    return false;
}

static void apply(fc *s, int t) {
    tg_type *ty = &s->x->g->types[t];
    if (!(tg_judged_here(ty) || ty->in_main_file) || node_smashed(s, t))
        return;
    for (int i = 0; i < ty->nfields; i++) {
        CXCursor decl = s->x->field_decls[t][i];
        fe_cmap_slot *slot = fe_cmap_get(&s->fields, decl);
        CXCursor rec = clang_getCanonicalCursor(clang_getCursorSemanticParent(decl));
        ty->fields[i].leaf = slot && slot->ival - 1 == CT_LEAF && !smashed(s, rec);
    }
}

void fe_field_contents(fe_tg *x) {
    fc s = {.x = x};
    arena_init(&s.mem);
    s.cx = (fe_ctx){.tu = x->t, .mem = &s.mem};
    for (int t = 0; t < x->g->n; t++)
        for (int i = 0; i < x->g->types[t].nfields; i++)
            fe_cmap_put(&s.fields, x->field_decls[t][i])->ival = CT_NONE + 1;
    if (s.fields.n)
        clang_visitChildren(clang_getTranslationUnitCursor(x->t->tu), walk, &s);
    for (int t = 0; t < x->g->n; t++)
        apply(&s, t);
    fe_cmap_free(&s.fields);
    fe_cmap_free(&s.smashed);
    fe_cmap_free(&s.locals);
    fe_cmap_free(&s.returns);
    arena_free(&s.mem);
}
