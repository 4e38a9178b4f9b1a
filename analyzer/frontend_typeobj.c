/* frontend_typeobj.c: the type objects that describe object structs to the
 * tracing collector, and which fields their traverse functions visit.
 *
 * Read from file-scope variable definitions with a brace initializer:
 *  - rf_type: .size = sizeof(S), .traverse, .flags (RF_TPFLAGS_GC);
 *  - PyTypeObject (positional or designated): tp_basicsize = sizeof(S),
 *    tp_flags (Py_TPFLAGS_HAVE_GC), tp_traverse, tp_clear, tp_base;
 *  - PyType_Spec: .basicsize = sizeof(S), .flags, .slots = an array of
 *    PyType_Slot whose Py_tp_traverse / Py_tp_clear / Py_tp_base(s) entries
 *    are read.
 * The constants are CPython 3.11's and the runtime's (rf/object.h); they
 * are part of those ABIs. A struct described by several type objects keeps
 * one with a traverse if there is one.
 *
 * Traverse coverage: every field the traverse body names (self->f, through
 * Py_VISIT or a visit call) counts as visited, following calls to functions
 * whose bodies are in the unit (a few levels deep); so does a field at the
 * same offset with the same name after its prefix in another object struct
 * the body names (gen_traverse visits gi_code of a coroutine's cr_code). A
 * field not named is "unknown" when the body also calls a function the unit
 * cannot see (a base type's traverse, _PyFrame_Traverse), else "not
 * visited".
 *
 * Field ownership: the type object's dealloc and clear bodies (followed
 * through calls like a traverse) decide whether a field of the struct's own
 * is owned: one they never name in a way that may release it holds no
 * reference, unless they call a function that may release it and that
 * refflow can neither see nor has a rule for (settle_ownership). Naming a
 * field only to test it or to read through it (m->md_def->m_free) releases
 * nothing (inert_operand); nor does a bodiless call given no pointer that
 * may lead to the object (hands_pointer).
 *
 * Assumes libclang's syntactic view of initializer lists, as in
 * frontend_init.c: a designated element is a void UnexposedExpr whose
 * MemberRef children name the field and whose last expression child is the
 * value.
 */
#include "frontend_lower.h"

#include <string.h>

#define PY_TPFLAGS_HAVE_GC (1UL << 14)
#define RF_TPFLAGS_GC_BIT (1UL << 0)
#define PY_TP_BASE 48
#define PY_TP_BASES 49
#define PY_TP_CLEAR 51
#define PY_TP_DEALLOC 52
#define PY_TP_TRAVERSE 71
#define MAX_CALL_DEPTH 3
#define MAX_EXPR_DEPTH 400

/* What one type object says, before it is given to its node. */
typedef struct typeobj {
    const char *var;
    ir_loc loc;
    bool in_main;
    tg_flavor flavor;
    int node;              /* the struct its size names, or -1 */
    bool gc, has_base, has_clear;
    CXCursor traverse;     /* FunctionDecl, or null */
    CXCursor dealloc, clear; /* FunctionDecl, or null */
} typeobj;

/* The functions that release a node's fields, from the type object given
 * to it last. */
typedef struct fe_releasers {
    int node;
    CXCursor dealloc, clear;
} fe_releasers;

/* --- expressions ------------------------------------------------------- */

typedef struct find {
    enum CXCursorKind want;
    fe_tg *x;
    CXCursor found;
} find;

static enum CXChildVisitResult find_record_ref(CXCursor c, CXCursor parent, CXClientData d) {
    find *f = d;
    if (clang_getCursorKind(c) == CXCursor_TypeRef) {
        CXType ty = clang_getCanonicalType(clang_getCursorType(c));
        if (ty.kind == CXType_Record && fe_tg_node(f->x, clang_getTypeDeclaration(ty)) >= 0) {
            f->found = clang_getTypeDeclaration(ty);
            return CXChildVisit_Break;
        }
    }
    return CXChildVisit_Recurse;
}

/* The node of the first object struct named in e (sizeof(S)), or -1. */
static int sized_node(fe_tg *x, CXCursor e) {
    find f = {.x = x, .found = clang_getNullCursor()};
    clang_visitChildren(e, find_record_ref, &f);
    return clang_Cursor_isNull(f.found) ? -1 : fe_tg_node(x, f.found);
}

static enum CXChildVisitResult find_decl_ref(CXCursor c, CXCursor parent, CXClientData d) {
    find *f = d;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
        CXCursor r = clang_getCursorReferenced(c);
        if (clang_getCursorKind(r) == f->want) {
            f->found = r;
            return CXChildVisit_Break;
        }
    }
    return CXChildVisit_Recurse;
}

/* The first declaration of kind want that e refers to (e itself included). */
static CXCursor referenced(CXCursor e, enum CXCursorKind want) {
    find f = {.want = want, .found = clang_getNullCursor()};
    if (find_decl_ref(e, clang_getNullCursor(), &f) == CXChildVisit_Break)
        return f.found;
    clang_visitChildren(e, find_decl_ref, &f);
    return f.found;
}

static bool const_value(CXCursor e, unsigned long long *out) {
    long long v;
    if (!fe_eval_int(e, &v))
        return false;
    *out = (unsigned long long)v;
    return true;
}

/* A pointer value that is not a null constant. */
static bool non_null(CXCursor e) {
    unsigned long long v;
    return !const_value(e, &v) || v != 0;
}

/* --- initializer lists -------------------------------------------------- */

typedef void (*init_fn)(fe_tg *x, typeobj *o, const char *field, CXCursor value);

typedef struct name_list {
    const char *v[128];
    int n;
    arena *mem;
} name_list;

static enum CXVisitorResult add_name(CXCursor c, CXClientData d) {
    name_list *l = d;
    if (l->n < 128)
        l->v[l->n++] = fe_spelling(l->mem, c);
    return CXVisit_Continue;
}

static int name_index(const name_list *l, const char *name) {
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->v[i], name) == 0)
            return i;
    return -1;
}

static CXCursor init_list_of(fe_tg *x, CXCursor var) {
    CXCursor *kids;
    int n = fe_children(x->t, &x->t->mem, var, &kids);
    for (int i = n - 1; i >= 0; i--)
        if (clang_getCursorKind(kids[i]) == CXCursor_InitListExpr)
            return kids[i];
    return clang_getNullCursor();
}

/* Calls fn for each element of the brace list init of record type ty with
 * the field it initializes. */
static void each_field(fe_tg *x, typeobj *o, CXCursor init, CXType ty, init_fn fn) {
    name_list fields = {.mem = &x->t->mem};
    clang_Type_visitFields(clang_getCanonicalType(ty), add_name, &fields);
    CXCursor *kids;
    int n = fe_children(x->t, &x->t->mem, init, &kids), pos = 0;
    for (int i = 0; i < n; i++) {
        CXCursor e = kids[i], *sub;
        int ns = fe_children(x->t, &x->t->mem, e, &sub);
        bool designated = clang_getCursorKind(e) == CXCursor_UnexposedExpr && ns > 1 &&
                          clang_getCursorKind(sub[0]) == CXCursor_MemberRef;
        if (designated) {
            pos = name_index(&fields, fe_spelling(&x->t->mem, sub[0]));
            e = sub[ns - 1];
        }
        if (pos >= 0 && pos < fields.n)
            fn(x, o, fields.v[pos], e);
        if (pos >= 0)
            pos++;
    }
}

/* --- the three kinds of type object -------------------------------------- */

static void set_size(fe_tg *x, typeobj *o, CXCursor value) {
    int node = sized_node(x, value);
    if (node >= 0)
        o->node = node;
}

static void set_flags(typeobj *o, CXCursor value, unsigned long bit) {
    unsigned long long v;
    if (const_value(value, &v))
        o->gc = (v & bit) != 0;
}

static void set_clear(typeobj *o, CXCursor value) {
    o->has_clear = non_null(value);
    o->clear = referenced(value, CXCursor_FunctionDecl);
}

static void rf_field(fe_tg *x, typeobj *o, const char *f, CXCursor v) {
    if (strcmp(f, "size") == 0)
        set_size(x, o, v);
    else if (strcmp(f, "traverse") == 0)
        o->traverse = referenced(v, CXCursor_FunctionDecl);
    else if (strcmp(f, "clear") == 0)
        set_clear(o, v);
    else if (strcmp(f, "dealloc") == 0)
        o->dealloc = referenced(v, CXCursor_FunctionDecl);
    else if (strcmp(f, "flags") == 0)
        set_flags(o, v, RF_TPFLAGS_GC_BIT);
}

static void py_field(fe_tg *x, typeobj *o, const char *f, CXCursor v) {
    if (strcmp(f, "tp_basicsize") == 0 || strcmp(f, "basicsize") == 0)
        set_size(x, o, v);
    else if (strcmp(f, "tp_traverse") == 0)
        o->traverse = referenced(v, CXCursor_FunctionDecl);
    else if (strcmp(f, "tp_clear") == 0)
        set_clear(o, v);
    else if (strcmp(f, "tp_dealloc") == 0)
        o->dealloc = referenced(v, CXCursor_FunctionDecl);
    else if (strcmp(f, "tp_flags") == 0 || strcmp(f, "flags") == 0)
        set_flags(o, v, PY_TPFLAGS_HAVE_GC);
    else if (strcmp(f, "tp_base") == 0)
        o->has_base = non_null(v);
}

/* One {slot, pointer} element of a PyType_Slot array. */
static void slot_entry(fe_tg *x, typeobj *o, CXCursor e) {
    CXCursor *kids;
    unsigned long long id;
    if (clang_getCursorKind(e) != CXCursor_InitListExpr ||
        fe_children(x->t, &x->t->mem, e, &kids) < 2 || !const_value(kids[0], &id))
        return;
    if (id == PY_TP_TRAVERSE)
        o->traverse = referenced(kids[1], CXCursor_FunctionDecl);
    else if (id == PY_TP_CLEAR)
        set_clear(o, kids[1]);
    else if (id == PY_TP_DEALLOC)
        o->dealloc = referenced(kids[1], CXCursor_FunctionDecl);
    else if (id == PY_TP_BASE || id == PY_TP_BASES)
        o->has_base = non_null(kids[1]);
}

static void spec_field(fe_tg *x, typeobj *o, const char *f, CXCursor v) {
    if (strcmp(f, "slots") != 0) {
        py_field(x, o, f, v);
        return;
    }
    CXCursor slots = referenced(v, CXCursor_VarDecl);
    CXCursor def = clang_Cursor_isNull(slots) ? slots : clang_getCursorDefinition(slots);
    CXCursor init = clang_Cursor_isNull(def) ? def : init_list_of(x, def);
    CXCursor *kids;
    int n = clang_Cursor_isNull(init) ? 0 : fe_children(x->t, &x->t->mem, init, &kids);
    for (int i = 0; i < n; i++)
        slot_entry(x, o, kids[i]);
}

/* --- traverse coverage --------------------------------------------------- */

typedef struct named_field {
    long long offset;      /* bits, in its record */
    const char *suffix;    /* the name after its first '_' */
} named_field;

typedef struct coverage {
    fe_tg *x;
    fe_cmap fields;        /* FieldDecl (canonical) named in the body */
    fe_cmap seen;          /* functions walked */
    named_field *named;    /* fields of other object structs named in the body */
    int nnamed, namedcap;
    bool delegates;        /* calls a function whose body is not here */
    const rule_set *rules; /* ownership walk: a bodiless callee a rule describes, or one
                              declared outside the main file when the struct is the main
                              file's own (PyObject_ClearWeakRefs cannot know its fields),
                              does not count as delegating; the depth limit does */
    bool struct_local;     /* ownership walk: the struct is defined in the main file */
    bool releasing_only;   /* ownership walk: count only mentions that may release the
                              field's value (inert_operand) */
    int depth;
} coverage;

static const char *suffix_of(const char *name) {
    const char *u = strchr(name, '_');
    return u && u[1] ? u + 1 : name;
}

/* A field of another object struct (the traverse casts self to a
 * layout-compatible struct, as CPython's coroutine and task types do). */
static void name_other(coverage *cv, CXCursor field) {
    CXCursor rec = clang_getCursorSemanticParent(field);
    long long off = clang_Cursor_getOffsetOfField(field);
    if (fe_tg_node(cv->x, rec) < 0 || off < 0)
        return;
    cv->named = fe_grow(&cv->x->t->mem, cv->named, cv->nnamed, &cv->namedcap, sizeof *cv->named);
    cv->named[cv->nnamed++] = (named_field){off, suffix_of(fe_spelling(&cv->x->t->mem, field))};
}

static bool named_elsewhere(const coverage *cv, CXCursor field, const char *name) {
    long long off = clang_Cursor_getOffsetOfField(field);
    const char *suffix = suffix_of(name);
    for (int i = 0; off >= 0 && i < cv->nnamed; i++)
        if (cv->named[i].offset == off && strcmp(cv->named[i].suffix, suffix) == 0)
            return true;
    return false;
}

static void walk_function(coverage *cv, CXCursor fn);

static bool is_test_operator(CXCursor c) {
    if (fe_is_logical(c))
        return true;
    if (clang_getCursorKind(c) != CXCursor_BinaryOperator)
        return false;
    enum CXBinaryOperatorKind b = clang_getCursorBinaryOperatorKind(c);
    return b == CXBinaryOperator_EQ || b == CXBinaryOperator_NE;
}

/* Can the i-th child of c not release the value of a field it reads? The
 * base of a dereference (m->md_def->m_free reads through md_def), the
 * operands of a test (m->md_def && ..., !x, ==, !=), the condition of an if
 * and the left side of a plain assignment (a store releases nothing) cannot;
 * every other mention (a call argument, a copy into a variable) may. */
static bool inert_operand(CXCursor c, CXCursor kid, int i) {
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_MemberRefExpr)
        return clang_getCanonicalType(clang_getCursorType(kid)).kind == CXType_Pointer;
    if (is_test_operator(c))
        return true;
    if (k == CXCursor_IfStmt)
        return i == 0;
    return i == 0 && k == CXCursor_BinaryOperator &&
           clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign;
}

static void note_member(coverage *cv, CXCursor c) {
    CXCursor r = clang_getCursorReferenced(c);
    if (clang_getCursorKind(r) == CXCursor_FieldDecl) {
        fe_cmap_put(&cv->fields, clang_getCanonicalCursor(r));
        name_other(cv, r);
    }
}

/* Does the call hand its callee a pointer from which it may reach the
 * object's fields: a pointer argument that is neither a constant nor the
 * value of a field (PyMem_Free(m->md_state) and _Py_GetConfig() do not)? */
static bool hands_pointer(coverage *cv, CXCursor call) {
    fe_ctx cx = {.tu = cv->x->t, .mem = &cv->x->t->mem};
    for (int i = 0; i < clang_Cursor_getNumArguments(call); i++) {
        CXCursor a = clang_Cursor_getArgument(call, (unsigned)i);
        if (!fe_is_pointer_type(clang_getCursorType(a)) || fe_is_null(&cx, a))
            continue;
        if (clang_getCursorKind(fe_strip(&cx, a)) != CXCursor_MemberRefExpr)
            return true;
    }
    return false;
}

static void note_call(coverage *cv, CXCursor c) {
    CXCursor callee = clang_getCursorReferenced(c);
    if (clang_getCursorKind(callee) != CXCursor_FunctionDecl)
        return;
    bool was = cv->delegates;
    walk_function(cv, callee);
    bool bodiless = clang_Cursor_isNull(clang_getCursorDefinition(callee));
    if (cv->releasing_only && bodiless && !was && !hands_pointer(cv, c))
        cv->delegates = false; /* it cannot reach the object */
}

/* The ownership walk: every field mention that may release it (a field
 * read by an inert operand, casts and parentheses aside, does not count).
 * Past MAX_EXPR_DEPTH nested cursors the rest is not read: it may release
 * anything, as an unseen function may. */
static void releasing(coverage *cv, CXCursor c, bool inert, int depth) {
    if (depth > MAX_EXPR_DEPTH) {
        cv->delegates = true;
        return;
    }
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_MemberRefExpr && !inert)
        note_member(cv, c);
    else if (k == CXCursor_CallExpr)
        note_call(cv, c);
    fe_ctx cx = {.tu = cv->x->t, .mem = &cv->x->t->mem};
    CXCursor *kids;
    int n = fe_children(cv->x->t, &cv->x->t->mem, c, &kids);
    for (int i = 0; i < n; i++) {
        CXCursor core = fe_strip(&cx, kids[i]);
        bool member = clang_getCursorKind(core) == CXCursor_MemberRefExpr;
        if (member && inert_operand(c, kids[i], i))
            releasing(cv, core, true, depth + 1);
        else
            releasing(cv, kids[i], false, depth + 1);
    }
}

static enum CXChildVisitResult cover(CXCursor c, CXCursor parent, CXClientData d) {
    coverage *cv = d;
    if (cv->releasing_only) {
        releasing(cv, c, false, 0);
        return CXChildVisit_Continue;
    }
    if (clang_getCursorKind(c) == CXCursor_MemberRefExpr)
        note_member(cv, c);
    else if (clang_getCursorKind(c) == CXCursor_CallExpr)
        note_call(cv, c);
    return CXChildVisit_Recurse;
}

/* Can a bodiless callee release the struct's fields? Not an API a rule
 * describes, nor one declared outside the main file when the struct is
 * defined in it. */
static bool may_release_fields(const coverage *cv, CXCursor fn) {
    if (!cv->rules)
        return true; /* traverse coverage: any unseen callee may visit */
    if (rules_lookup(cv->rules, fe_spelling(&cv->x->t->mem, fn)) != NULL)
        return false;
    return !cv->struct_local || fe_in_main_file(cv->x->t, fn);
}

static void walk_function(coverage *cv, CXCursor fn) {
    CXCursor def = clang_getCursorDefinition(fn);
    if (clang_Cursor_isNull(def)) {
        cv->delegates |= may_release_fields(cv, fn);
        return;
    }
    CXCursor key = clang_getCanonicalCursor(def);
    if (fe_cmap_get(&cv->seen, key))
        return;
    if (cv->depth > MAX_CALL_DEPTH) {
        cv->delegates |= cv->rules != NULL;
        return;
    }
    fe_cmap_put(&cv->seen, key);
    cv->depth++;
    clang_visitChildren(def, cover, cv);
    cv->depth--;
}

/* Named: visited. Not named: unknown when the traverse hands the object to
 * a function the unit cannot see (it may visit the rest), else not visited. */
static void set_coverage(fe_tg *x, int node, CXCursor traverse) {
    coverage cv = {.x = x};
    walk_function(&cv, traverse);
    tg_type *t = &x->g->types[node];
    for (int i = 0; i < t->nfields; i++) {
        CXCursor decl = x->field_decls[node][i];
        bool named = fe_cmap_get(&cv.fields, decl) != NULL ||
                     named_elsewhere(&cv, decl, fe_spelling(&x->t->mem, decl));
        t->fields[i].visited = named ? TG_VISIT_YES
                               : cv.delegates ? TG_VISIT_UNKNOWN
                                              : TG_VISIT_NO;
    }
    fe_cmap_free(&cv.fields);
    fe_cmap_free(&cv.seen);
}

/* --- field ownership from the dealloc -------------------------------------- */

/* Walks the bodies of dealloc and clear that the unit has; false if none. */
static bool walk_releasers(coverage *cv, const fe_releasers *r) {
    bool body = false;
    CXCursor fns[2] = {r->dealloc, r->clear};
    for (int i = 0; i < 2; i++) {
        if (clang_Cursor_isNull(fns[i]) || clang_Cursor_isNull(clang_getCursorDefinition(fns[i])))
            continue;
        body = true;
        walk_function(cv, fns[i]);
    }
    return body;
}

static bool links_own_type(const tg_type *t, const tg_field *f) {
    return f->kind == TG_EDGE_TYPED && f->target &&
           (strcmp(f->target, t->name) == 0 || (t->tag && strcmp(f->target, t->tag) == 0));
}

/* A field of the struct's own that the dealloc and clear never name (other
 * than to test it or read through it) holds no reference (nothing would
 * release it), unless they call a function refflow can neither see nor has
 * a rule for and hand it a pointer, or nest calls deeper than it follows
 * (that function may release it); one they name is owned, whatever its
 * comment says. Fields of a base struct, fields a naming convention
 * (weak-reference links, annotations) makes borrowed, and links to the
 * struct's own type (an intrusive list's next/prev, which the list's owner
 * releases: _functools' lru_list_elem) keep what the convention says. */
static void set_ownership(fe_tg *x, const fe_releasers *r) {
    coverage cv = {.x = x, .rules = x->t->opt->rules, .releasing_only = true,
                   .struct_local = x->g->types[r->node].in_main_file};
    if (walk_releasers(&cv, r)) {
        tg_type *t = &x->g->types[r->node];
        for (int i = 0; i < t->nfields; i++) {
            tg_field *f = &t->fields[i];
            if ((!f->owned && !f->by_comment) || strchr(f->name, '.') || links_own_type(t, f))
                continue;
            CXCursor decl = x->field_decls[r->node][i];
            bool named = fe_cmap_get(&cv.fields, decl) != NULL ||
                         named_elsewhere(&cv, decl, fe_spelling(&x->t->mem, decl));
            if (!named && cv.delegates)
                continue; /* a function refflow cannot see may release it */
            f->owned = named;
            f->by_comment = false;
            f->why_borrowed = named ? NULL : "the type's dealloc never releases it";
        }
    }
    fe_cmap_free(&cv.fields);
    fe_cmap_free(&cv.seen);
}

/* The last type object given to each node decides. */
static void settle_ownership(fe_tg *x) {
    bool *done = ARENA_ARRAY(&x->t->mem, bool, x->g->n > 0 ? x->g->n : 1);
    for (int i = x->nrel - 1; i >= 0; i--) {
        int node = x->rel[i].node;
        if (node < 0 || node >= x->g->n || done[node])
            continue;
        done[node] = true;
        set_ownership(x, &x->rel[i]);
    }
}

/* --- giving a type object to its node ------------------------------------- */

static void apply(fe_tg *x, const typeobj *o) {
    tg_type *t = &x->g->types[o->node];
    if (t->type_object && t->traverse && clang_Cursor_isNull(o->traverse))
        return; /* keep the one with a traverse */
    x->rel = fe_grow(&x->t->mem, x->rel, x->nrel, &x->relcap, sizeof *x->rel);
    x->rel[x->nrel++] = (fe_releasers){o->node, o->dealloc, o->clear};
    t->type_object = arena_strdup(&x->g->mem, o->var);
    t->type_object_loc = o->loc;
    t->type_object_loc.file = arena_strdup(&x->g->mem, o->loc.file);
    t->type_object_in_main = o->in_main;
    t->gc = o->gc || (o->flavor == TG_FLAVOR_RF && !clang_Cursor_isNull(o->traverse));
    t->inherits = o->flavor == TG_FLAVOR_CPYTHON && o->has_base && !o->gc &&
                  clang_Cursor_isNull(o->traverse) && !o->has_clear;
    t->traverse = NULL;
    t->traverse_body = false;
    for (int i = 0; i < t->nfields; i++)
        t->fields[i].visited = TG_VISIT_UNKNOWN;
    if (clang_Cursor_isNull(o->traverse))
        return;
    t->traverse = fe_spelling(&x->g->mem, o->traverse);
    CXCursor def = clang_getCursorDefinition(o->traverse);
    t->traverse_loc = fe_name_loc(x->t, clang_Cursor_isNull(def) ? o->traverse : def);
    t->traverse_loc.file = arena_strdup(&x->g->mem, t->traverse_loc.file);
    t->traverse_body = !clang_Cursor_isNull(def);
    if (t->traverse_body)
        set_coverage(x, o->node, def);
}

static void read_typeobj(fe_tg *x, CXCursor var, CXCursor init, CXType ty, const char *tname) {
    typeobj o = {.node = -1, .traverse = clang_getNullCursor(), .dealloc = clang_getNullCursor(),
                 .clear = clang_getNullCursor()};
    if (strcmp(tname, "rf_type") == 0) {
        o.flavor = TG_FLAVOR_RF;
        each_field(x, &o, init, ty, rf_field);
    } else if (strcmp(tname, "_typeobject") == 0 || strcmp(tname, "PyTypeObject") == 0) {
        o.flavor = TG_FLAVOR_CPYTHON;
        each_field(x, &o, init, ty, py_field);
    } else if (strcmp(tname, "PyType_Spec") == 0) {
        o.flavor = TG_FLAVOR_CPYTHON;
        each_field(x, &o, init, ty, spec_field);
    } else {
        return;
    }
    if (o.node < 0 || x->g->types[o.node].flavor != o.flavor)
        return;
    o.var = fe_spelling(&x->t->mem, var);
    o.loc = fe_name_loc(x->t, var);
    o.in_main = fe_in_main_file(x->t, var);
    apply(x, &o);
}

static enum CXChildVisitResult visit_var(CXCursor c, CXCursor parent, CXClientData d) {
    fe_tg *x = d;
    if (clang_getCursorKind(c) != CXCursor_VarDecl || !clang_isCursorDefinition(c))
        return CXChildVisit_Continue;
    CXType ty = clang_getCanonicalType(clang_getCursorType(c));
    if (ty.kind != CXType_Record)
        return CXChildVisit_Continue;
    const char *tname = fe_tg_record_name(x, clang_getTypeDeclaration(ty));
    CXCursor init = tname ? init_list_of(x, c) : clang_getNullCursor();
    if (!clang_Cursor_isNull(init))
        read_typeobj(x, c, init, ty, tname);
    return CXChildVisit_Continue;
}

void fe_typeobjs(fe_tg *x) {
    clang_visitChildren(clang_getTranslationUnitCursor(x->t->tu), visit_var, x);
    settle_ownership(x);
}
