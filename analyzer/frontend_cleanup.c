/* frontend_cleanup.c: variables with __attribute__((cleanup(f))). At every
 * exit from the variable's scope (closing brace, break, continue, goto,
 * return) the compiler calls f(&v); the front end writes that call into the
 * IR, so a rule for f (e.g. `fn glib_autoptr_cleanup_GObject value clear`)
 * says what it does to v's reference.
 *
 * libclang exposes the attribute only as an UnexposedAttr. When it is
 * written out in the file, its tokens name f. When it comes from a macro
 * (GLib's g_autoptr(T), g_autolist(T), g_autoslist(T), g_autoqueue(T),
 * g_autofree), the tokens are not available; those macros declare the
 * variable with a typedef named after the cleanup function (T_autoptr ->
 * glib_autoptr_cleanup_T, see glib/gmacros.h), which names it instead.
 * Other attributes from macros cannot be read: a cleanup hidden that way
 * (systemd's _cleanup_(f)) is not seen. */
#include "frontend_lower.h"

#include <string.h>

typedef struct glib_auto {
    const char *type_suffix; /* typedef name ends with this */
    const char *cleanup_prefix;
} glib_auto;

static const glib_auto GLIB_AUTO[] = {
    {"_autoptr", "glib_autoptr_cleanup_"},
    {"_listautoptr", "glib_listautoptr_cleanup_"},
    {"_slistautoptr", "glib_slistautoptr_cleanup_"},
    {"_queueautoptr", "glib_queueautoptr_cleanup_"},
};

typedef struct attr_search {
    fe_tu *t;
    arena *a;
    const char *spelled;  /* the function of a cleanup attribute written out */
    bool from_macro;      /* some attribute's tokens are not in the file */
} attr_search;

/* "cleanup ( NAME )" or "__cleanup__ ( NAME )"; NULL for another attribute.
 * Sets *no_tokens when the attribute's text is not available (a macro). */
static const char *spelled_cleanup(fe_tu *t, arena *a, CXCursor attr, bool *no_tokens) {
    CXToken *toks;
    unsigned n;
    clang_tokenize(t->tu, clang_getCursorExtent(attr), &toks, &n);
    *no_tokens = n == 0;
    const char *name = NULL;
    if (n >= 3) {
        CXString kw = clang_getTokenSpelling(t->tu, toks[0]);
        const char *k = clang_getCString(kw);
        if (strcmp(k, "cleanup") == 0 || strcmp(k, "__cleanup__") == 0) {
            CXString fn = clang_getTokenSpelling(t->tu, toks[2]);
            name = arena_strdup(a, clang_getCString(fn));
            clang_disposeString(fn);
        }
        clang_disposeString(kw);
    }
    clang_disposeTokens(t->tu, toks, n);
    return name;
}

static enum CXChildVisitResult find_attr(CXCursor c, CXCursor parent, CXClientData data) {
    (void)parent;
    attr_search *s = data;
    if (clang_getCursorKind(c) != CXCursor_UnexposedAttr)
        return CXChildVisit_Continue;
    bool no_tokens;
    s->spelled = spelled_cleanup(s->t, s->a, c, &no_tokens);
    s->from_macro |= no_tokens;
    return s->spelled ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* GLib's g_auto* macros, recognised by the variable's typedef name. */
static const char *glib_cleanup(arena *a, CXCursor var) {
    CXString ts = clang_getTypeSpelling(clang_getCursorType(var));
    const char *ty = clang_getCString(ts);
    const char *name = NULL;
    size_t len = strlen(ty);
    for (size_t i = 0; !name && i < sizeof GLIB_AUTO / sizeof GLIB_AUTO[0]; i++) {
        size_t sl = strlen(GLIB_AUTO[i].type_suffix);
        if (len > sl && strcmp(ty + len - sl, GLIB_AUTO[i].type_suffix) == 0)
            name = arena_printf(a, "%s%.*s", GLIB_AUTO[i].cleanup_prefix, (int)(len - sl), ty);
    }
    clang_disposeString(ts);
    return name;
}

const char *fe_cleanup_function(fe_tu *t, arena *a, CXCursor var) {
    attr_search s = {t, a, NULL, false};
    clang_visitChildren(var, find_attr, &s);
    if (s.spelled)
        return s.spelled;
    return s.from_macro ? glib_cleanup(a, var) : NULL;
}
