/* frontend_typegraph.c: the object structs of a translation unit and their
 * reference fields, as a typegraph (typegraph.h).
 *
 * A struct is an object when its first member is an object header by value:
 * a type the rules name (rf_object, PyObject, GObject...; PyVarObject counts
 * as CPython's header too), or another object struct (a subtype, whose
 * fields it then lists as "base.field"). The header decides the flavor:
 * rf_object -> rf, PyObject -> cpython, anything else -> rule.
 *
 * Assumes every struct that matters is defined at file scope (possibly
 * inside a typedef), as C object structs are; nested definitions are not
 * nodes. Field types are seen through typedefs; a pointer to a header type
 * is an "any object" edge, a pointer to a built-in container
 * (PyListObject...) or an array/pointer of object pointers a "container"
 * edge, a pointer to another object struct a typed edge.
 */
#include "frontend_lower.h"

#include <ctype.h>
#include <string.h>

#define MAX_SUGAR 32
#define MAX_BASES 8

static const char *const container_names[] = {
    "PyListObject", "PyTupleObject", "PyDictObject", "PySetObject", "PyFrozenSetObject", NULL,
};

/* --- names ------------------------------------------------------------- */

static bool anonymous(const char *s) {
    return !s || !*s || strchr(s, '(') || strchr(s, ' ');
}

const char *fe_tg_record_name(fe_tg *x, CXCursor record) {
    CXCursor key = clang_getCanonicalCursor(record);
    fe_cmap_slot *s = fe_cmap_get(&x->names, key);
    if (s && s->pval)
        return s->pval;
    const char *tag = fe_spelling(&x->t->mem, record);
    return anonymous(tag) ? NULL : tag;
}

static CXCursor record_of(CXType ty) {
    CXType c = clang_getCanonicalType(ty);
    if (c.kind != CXType_Record)
        return clang_getNullCursor();
    return clang_getTypeDeclaration(c);
}

static enum CXChildVisitResult collect_typedef(CXCursor c, CXCursor parent, CXClientData d) {
    fe_tg *x = d;
    if (clang_getCursorKind(c) != CXCursor_TypedefDecl)
        return CXChildVisit_Continue;
    CXCursor rec = record_of(clang_getTypedefDeclUnderlyingType(c));
    if (clang_Cursor_isNull(rec))
        return CXChildVisit_Continue;
    fe_cmap_slot *s = fe_cmap_put(&x->names, clang_getCanonicalCursor(rec));
    if (!s->pval)
        s->pval = (void *)fe_spelling(&x->t->mem, c);
    return CXChildVisit_Continue;
}

/* --- headers ------------------------------------------------------------ */

static bool is_header_name(fe_tg *x, const char *name) {
    return name && (strcmp(name, "PyVarObject") == 0 ||
                    (x->t->opt->rules && rules_is_object_type(x->t->opt->rules, name)));
}

/* The header type named along ty's typedef chain or by its record, or NULL. */
static const char *header_of(fe_tg *x, CXType ty) {
    for (int i = 0; i < MAX_SUGAR; i++) {
        if (ty.kind == CXType_Elaborated) {
            ty = clang_Type_getNamedType(ty);
        } else if (ty.kind == CXType_Typedef) {
            CXString s = clang_getTypedefName(ty);
            const char *n = arena_strdup(&x->t->mem, clang_getCString(s));
            clang_disposeString(s);
            if (is_header_name(x, n))
                return n;
            ty = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(ty));
        } else {
            break;
        }
    }
    CXCursor rec = record_of(ty);
    if (clang_Cursor_isNull(rec))
        return NULL;
    const char *tag = fe_spelling(&x->t->mem, rec);
    if (is_header_name(x, tag))
        return tag;
    const char *name = fe_tg_record_name(x, rec);
    return is_header_name(x, name) ? name : NULL;
}

static tg_flavor flavor_of(const char *header) {
    if (strcmp(header, "rf_object") == 0)
        return TG_FLAVOR_RF;
    if (strcmp(header, "PyObject") == 0 || strcmp(header, "_object") == 0 ||
        strcmp(header, "PyVarObject") == 0)
        return TG_FLAVOR_CPYTHON;
    return TG_FLAVOR_RULE;
}

static enum CXChildVisitResult first_field(CXCursor c, CXCursor parent, CXClientData d) {
    if (clang_getCursorKind(c) != CXCursor_FieldDecl)
        return CXChildVisit_Continue;
    *(CXCursor *)d = c;
    return CXChildVisit_Break;
}

static CXCursor first_member(CXCursor rec) {
    CXCursor f = clang_getNullCursor();
    CXCursor def = clang_getCursorDefinition(rec);
    if (!clang_Cursor_isNull(def))
        clang_visitChildren(def, first_field, &f);
    return f;
}

/* --- nodes -------------------------------------------------------------- */

int fe_tg_node(fe_tg *x, CXCursor record) {
    fe_cmap_slot *s = fe_cmap_get(&x->nodes, clang_getCanonicalCursor(record));
    return s ? s->ival - 1 : -1;
}

static void remember(fe_tg *x, int node, CXCursor rec) {
    if (node >= x->cap) {
        int cap = x->cap ? x->cap * 2 : 64;
        while (cap <= node)
            cap *= 2;
        CXCursor **fd = ARENA_ARRAY(&x->t->mem, CXCursor *, cap);
        CXCursor *rc = ARENA_ARRAY(&x->t->mem, CXCursor, cap);
        if (x->cap) {
            memcpy(fd, x->field_decls, sizeof *fd * (size_t)x->cap);
            memcpy(rc, x->records, sizeof *rc * (size_t)x->cap);
        }
        x->field_decls = fd;
        x->records = rc;
        x->cap = cap;
    }
    x->records[node] = clang_getCanonicalCursor(rec);
}

static void add_field_decl(fe_tg *x, int node, int index, CXCursor decl) {
    int cap = index < 8 ? 8 : index * 2;
    CXCursor *old = x->field_decls[node], *v = ARENA_ARRAY(&x->t->mem, CXCursor, cap);
    if (old && index)
        memcpy(v, old, sizeof *v * (size_t)index);
    v[index] = clang_getCanonicalCursor(decl);
    x->field_decls[node] = v;
}

/* --- fields ------------------------------------------------------------- */

static enum CXChildVisitResult find_annotation(CXCursor c, CXCursor parent, CXClientData d) {
    if (clang_getCursorKind(c) == CXCursor_AnnotateAttr) {
        CXString s = clang_getCursorSpelling(c);
        const char *v = clang_getCString(s);
        if (v && strncmp(v, "refflow:", 8) == 0 && strstr(v, "borrowed"))
            *(bool *)d = true;
        clang_disposeString(s);
    }
    return CXChildVisit_Continue;
}

/* Does the rest of the source line declaring c carry a C or C++ comment
 * that says "borrowed" or "weak" (a trailing "borrowed links" note, as on
 * CPython's lru_list_elem.prev)? */
static bool comment_says_borrowed(fe_tg *x, CXCursor c) {
    CXFile file;
    unsigned line, col, off;
    clang_getSpellingLocation(clang_getCursorLocation(c), &file, &line, &col, &off);
    size_t size = 0;
    const char *buf = file ? clang_getFileContents(x->t->tu, file, &size) : NULL;
    if (!buf || off > size)
        return false;
    size_t end = off;
    while (end < size && buf[end] != '\n')
        end++;
    char text[512];
    size_t n = end - off < sizeof text - 1 ? end - off : sizeof text - 1;
    memcpy(text, buf + off, n);
    text[n] = '\0';
    for (size_t i = 0; i < n; i++) /* "Borrowed reference!" too */
        text[i] = (char)tolower((unsigned char)text[i]);
    const char *cm = strstr(text, "/*");
    if (!cm)
        cm = strstr(text, "//");
    return cm && (strstr(cm, "borrowed") || strstr(cm, "weak"));
}

#define BORROWED_BY_COMMENT "its comment says borrowed or weak"

static const char *borrowed_by_convention(fe_tg *x, CXCursor field, const char *name) {
    bool annotated = false;
    clang_visitChildren(field, find_annotation, &annotated);
    if (annotated)
        return "annotated as borrowed";
    size_t n = strlen(name);
    if (strstr(name, "weakref") || (n >= 8 && strcmp(name + n - 8, "weaklist") == 0))
        return "a weak-reference list";
    if (strcmp(name, "wr_object") == 0 || strcmp(name, "wr_prev") == 0 ||
        strcmp(name, "wr_next") == 0)
        return "a weak reference's link";
    if (comment_says_borrowed(x, field))
        return BORROWED_BY_COMMENT;
    return NULL;
}

static CXType strip_pointer(CXType ty) {
    return clang_getPointeeType(clang_getCanonicalType(ty));
}

/* Classifies a field's type; false if it holds no object reference. */
static bool classify(fe_tg *x, CXType ty, tg_field *out) {
    CXType c = clang_getCanonicalType(ty);
    if (fe_is_array_type(ty) || (c.kind == CXType_Pointer &&
                                 clang_getCanonicalType(strip_pointer(ty)).kind == CXType_Pointer)) {
        CXType elem = fe_is_array_type(ty) ? clang_getArrayElementType(c) : strip_pointer(ty);
        if (fe_vtype(x->t, elem) != IR_VT_REF)
            return false;
        out->kind = TG_EDGE_CONTAINER;
        out->target = header_of(x, clang_getPointeeType(elem));
        if (!out->target)
            out->target = fe_tg_record_name(x, record_of(clang_getPointeeType(elem)));
        return out->target != NULL;
    }
    if (fe_vtype(x->t, ty) != IR_VT_REF)
        return false;
    CXType pointee = clang_getPointeeType(c);
    const char *header = header_of(x, pointee);
    if (header) {
        out->kind = TG_EDGE_ANY;
        out->target = header;
        return true;
    }
    out->target = fe_tg_record_name(x, record_of(pointee));
    out->kind = fe_in_names(container_names, out->target) ? TG_EDGE_CONTAINER : TG_EDGE_TYPED;
    return out->target != NULL;
}

typedef struct field_walk {
    fe_tg *x;
    int node;
    const char *prefix;
    bool first;
    int depth;
} field_walk;

static int add_node(fe_tg *x, CXCursor rec, int depth);

static void add_one_field(field_walk *w, CXCursor c) {
    const char *name = fe_spelling(&w->x->t->mem, c);
    tg_field f = {0};
    if (!classify(w->x, clang_getCursorType(c), &f))
        return;
    f.name = w->prefix ? arena_printf(&w->x->t->mem, "%s.%s", w->prefix, name) : name;
    f.why_borrowed = borrowed_by_convention(w->x, c, name);
    f.by_comment = f.why_borrowed && strcmp(f.why_borrowed, BORROWED_BY_COMMENT) == 0;
    f.owned = f.why_borrowed == NULL;
    f.loc = fe_name_loc(w->x->t, c);
    int i = tg_add_field(w->x->g, w->node, &f);
    add_field_decl(w->x, w->node, i, c);
}

static void walk_fields(fe_tg *x, int node, CXCursor rec, const char *prefix, int depth);

/* The first member: the header (skipped) or a base object struct (its
 * fields are listed under its name). */
static void first_member_fields(field_walk *w, CXCursor c) {
    CXType ty = clang_getCursorType(c);
    if (header_of(w->x, ty))
        return;
    CXCursor rec = record_of(ty);
    if (clang_Cursor_isNull(rec) || w->depth >= MAX_BASES)
        return;
    int base = add_node(w->x, rec, w->depth + 1);
    if (base < 0)
        return;
    if (!w->prefix)
        w->x->g->types[w->node].base = base;
    const char *name = fe_spelling(&w->x->t->mem, c);
    const char *p = w->prefix ? arena_printf(&w->x->t->mem, "%s.%s", w->prefix, name) : name;
    walk_fields(w->x, w->node, rec, p, w->depth + 1);
}

static enum CXChildVisitResult visit_field(CXCursor c, CXCursor parent, CXClientData d) {
    field_walk *w = d;
    if (clang_getCursorKind(c) != CXCursor_FieldDecl)
        return CXChildVisit_Continue;
    if (w->first) {
        w->first = false;
        first_member_fields(w, c);
    } else {
        add_one_field(w, c);
    }
    return CXChildVisit_Continue;
}

static void walk_fields(fe_tg *x, int node, CXCursor rec, const char *prefix, int depth) {
    CXCursor def = clang_getCursorDefinition(rec);
    if (clang_Cursor_isNull(def))
        return;
    field_walk w = {x, node, prefix, true, depth};
    clang_visitChildren(def, visit_field, &w);
}

/* The flavor of an object struct (by its first-member chain), or false. */
static bool object_flavor(fe_tg *x, CXCursor rec, tg_flavor *out, int depth) {
    CXCursor f = first_member(rec);
    if (clang_Cursor_isNull(f) || depth >= MAX_BASES)
        return false;
    CXType ty = clang_getCursorType(f);
    const char *h = header_of(x, ty);
    if (h) {
        *out = flavor_of(h);
        return true;
    }
    CXCursor base = record_of(ty);
    return !clang_Cursor_isNull(base) && object_flavor(x, base, out, depth + 1);
}

/* The node for an object struct, added with its fields on first sight;
 * -1 if rec is not an object struct (or is a header itself). */
static int add_node(fe_tg *x, CXCursor rec, int depth) {
    CXCursor key = clang_getCanonicalCursor(rec);
    fe_cmap_slot *s = fe_cmap_get(&x->nodes, key);
    if (s)
        return s->ival - 1;
    fe_cmap_put(&x->nodes, key)->ival = 0; /* not a node (or in progress) */
    const char *name = fe_tg_record_name(x, rec);
    CXCursor def = clang_getCursorDefinition(rec);
    tg_flavor flavor;
    if (!name || is_header_name(x, name) || clang_Cursor_isNull(def) ||
        !object_flavor(x, def, &flavor, depth))
        return -1;
    if (tg_find(x->g, name) >= 0)
        return -1; /* two structs of one name (a typedef reused): keep the first */
    int node = tg_add_type(x->g, name, fe_name_loc(x->t, def), flavor);
    x->g->types[node].in_main_file = fe_in_main_file(x->t, def);
    const char *tag = fe_spelling(&x->t->mem, def);
    if (!anonymous(tag) && strcmp(tag, name) != 0)
        x->g->types[node].tag = arena_strdup(&x->g->mem, tag);
    remember(x, node, def);
    fe_cmap_put(&x->nodes, key)->ival = node + 1;
    walk_fields(x, node, def, NULL, depth);
    return node;
}

static enum CXChildVisitResult visit_struct(CXCursor c, CXCursor parent, CXClientData d) {
    if (clang_getCursorKind(c) == CXCursor_StructDecl && clang_isCursorDefinition(c))
        add_node(d, c, 0);
    return CXChildVisit_Continue;
}

void fe_typegraph(fe_tu *t, typegraph *g) {
    fe_tg x = {.t = t, .g = g};
    CXCursor top = clang_getTranslationUnitCursor(t->tu);
    clang_visitChildren(top, collect_typedef, &x);
    clang_visitChildren(top, visit_struct, &x);
    fe_typeobjs(&x);
    fe_field_contents(&x);
    tg_finish(g);
    fe_cmap_free(&x.names);
    fe_cmap_free(&x.nodes);
}
