/* frontend_types.c: what a C type is to reference counting (ir_vtype).
 *
 * A pointer is a reference (IR_VT_REF) when its pointee is an object header
 * type: a typedef or struct tag the rules name (rules_is_object_type), seen
 * through every typedef in the chain (PyObject -> struct _object), or a struct
 * whose first member is one by value, recursively (PyListObject ->
 * PyVarObject ob_base -> PyObject ob_base). Results are cached per record
 * declaration for the translation unit. Assumes the rules do not change
 * during a run.
 */
#include "frontend_lower.h"

#include <string.h>

#define MAX_SUGAR 32   /* typedef chains longer than this are not followed */
#define MAX_NEST 16    /* first-member nesting followed */

static bool type_is_object(fe_tu *t, CXType ty, int nest);

static bool named_object(fe_tu *t, const char *name) {
    return t->opt->rules && name && *name && rules_is_object_type(t->opt->rules, name);
}

static bool typedef_is_object(fe_tu *t, CXType ty) {
    CXString s = clang_getTypedefName(ty);
    bool r = named_object(t, clang_getCString(s));
    clang_disposeString(s);
    return r;
}

static enum CXChildVisitResult first_field(CXCursor c, CXCursor parent, CXClientData d) {
    if (clang_getCursorKind(c) != CXCursor_FieldDecl)
        return CXChildVisit_Continue;
    *(CXCursor *)d = c;
    return CXChildVisit_Break;
}

static bool record_first_member_is_object(fe_tu *t, CXCursor decl, int nest) {
    CXCursor def = clang_getCursorDefinition(decl);
    if (clang_Cursor_isNull(def) || nest >= MAX_NEST)
        return false;
    CXCursor field = clang_getNullCursor();
    clang_visitChildren(def, first_field, &field);
    if (clang_Cursor_isNull(field))
        return false;
    return type_is_object(t, clang_getCursorType(field), nest + 1);
}

static bool record_is_object(fe_tu *t, CXCursor decl, int nest) {
    CXCursor key = clang_getCanonicalCursor(decl);
    fe_cmap_slot *s = fe_cmap_get(&t->types, key);
    if (s)
        return s->ival;
    fe_cmap_put(&t->types, key)->ival = 0; /* guards against cycles */
    CXString name = clang_getCursorSpelling(decl);
    bool r = named_object(t, clang_getCString(name));
    clang_disposeString(name);
    if (!r)
        r = record_first_member_is_object(t, decl, nest);
    fe_cmap_put(&t->types, key)->ival = r;
    return r;
}

/* Walks the sugar of ty (elaborated names, typedefs) checking each name. */
static bool type_is_object(fe_tu *t, CXType ty, int nest) {
    for (int i = 0; i < MAX_SUGAR; i++) {
        switch (ty.kind) {
        case CXType_Elaborated:
            ty = clang_Type_getNamedType(ty);
            break;
        case CXType_Typedef:
            if (typedef_is_object(t, ty))
                return true;
            ty = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(ty));
            break;
        case CXType_Record:
            return record_is_object(t, clang_getTypeDeclaration(ty), nest);
        default: {
            CXType c = clang_getCanonicalType(ty);
            if (c.kind != CXType_Record)
                return false;
            ty = c;
        }
        }
    }
    return false;
}

static bool is_integer_kind(enum CXTypeKind k) {
    return (k >= CXType_Bool && k <= CXType_Int128) || k == CXType_Enum;
}

/* The pointee of pointer type ty, keeping the sugar (typedef names) of the
 * pointee: typedefs of the pointer itself (typedef Alias *AliasPtr) are
 * walked through first, since clang_getPointeeType only takes a pointer. */
static CXType pointee(CXType ty) {
    for (int i = 0; i < MAX_SUGAR; i++) {
        if (ty.kind == CXType_Pointer)
            return clang_getPointeeType(ty);
        if (ty.kind == CXType_Elaborated)
            ty = clang_Type_getNamedType(ty);
        else if (ty.kind == CXType_Typedef)
            ty = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(ty));
        else
            break;
    }
    return clang_getPointeeType(clang_getCanonicalType(ty));
}

ir_vtype fe_vtype(fe_tu *t, CXType ty) {
    CXType c = clang_getCanonicalType(ty);
    if (c.kind == CXType_Pointer)
        return type_is_object(t, pointee(ty), 0) ? IR_VT_REF : IR_VT_PTR;
    if (c.kind == CXType_BlockPointer || c.kind == CXType_NullPtr)
        return IR_VT_PTR;
    if (is_integer_kind(c.kind))
        return IR_VT_INT;
    if (c.kind == CXType_Record)
        return IR_VT_STRUCT;
    return IR_VT_OTHER;
}

bool fe_is_array_type(CXType ty) {
    enum CXTypeKind k = clang_getCanonicalType(ty).kind;
    return k == CXType_ConstantArray || k == CXType_IncompleteArray ||
           k == CXType_VariableArray || k == CXType_DependentSizedArray;
}

bool fe_is_pointer_type(CXType ty) {
    return clang_getCanonicalType(ty).kind == CXType_Pointer;
}

static bool anonymous_name(const char *s) {
    return !s || !*s || strchr(s, '(') || strchr(s, ' ');
}

const char *fe_member_record(fe_tu *t, CXCursor member, CXType base) {
    CXCursor field = clang_getCursorReferenced(member);
    if (clang_getCursorKind(field) != CXCursor_FieldDecl)
        return NULL;
    const char *tag = fe_spelling(&t->mem, clang_getCursorSemanticParent(field));
    if (!anonymous_name(tag))
        return tag;
    CXType ty = pointee(base);
    for (int i = 0; i < MAX_SUGAR; i++) {
        if (ty.kind == CXType_Elaborated) {
            ty = clang_Type_getNamedType(ty);
        } else if (ty.kind == CXType_Typedef) {
            CXString s = clang_getTypedefName(ty);
            const char *name = arena_strdup(&t->mem, clang_getCString(s));
            clang_disposeString(s);
            return name;
        } else {
            break;
        }
    }
    return NULL;
}
