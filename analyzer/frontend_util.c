/* frontend_util.c: small libclang helpers for the front end: cursor and
 * string maps, child lists, locations, warnings.
 *
 * Assumes one thread per fe_tu. Children are collected one level at a time
 * (CXChildVisit_Continue), never by a recursive visit, so a deep AST costs no
 * C stack here. Every CXString is disposed in the function that got it.
 */
#include "frontend_lower.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* -------------------------------------------------------------- cursor map */

void fe_cmap_init(fe_cmap *m) {
    memset(m, 0, sizeof *m);
}

void fe_cmap_free(fe_cmap *m) {
    free(m->slots);
    fe_cmap_init(m);
}

static fe_cmap_slot *cmap_find(fe_cmap *m, CXCursor key, unsigned h) {
    unsigned mask = (unsigned)m->cap - 1;
    for (unsigned i = h & mask;; i = (i + 1) & mask) {
        fe_cmap_slot *s = &m->slots[i];
        if (!s->used || (s->hash == h && clang_equalCursors(s->key, key)))
            return s;
    }
}

fe_cmap_slot *fe_cmap_get(fe_cmap *m, CXCursor key) {
    if (!m->cap)
        return NULL;
    fe_cmap_slot *s = cmap_find(m, key, clang_hashCursor(key));
    return s->used ? s : NULL;
}

static void cmap_grow(fe_cmap *m) {
    fe_cmap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->slots = calloc((size_t)m->cap, sizeof *m->slots);
    m->n = 0;
    for (int i = 0; i < old.cap; i++)
        if (old.slots[i].used) {
            *cmap_find(m, old.slots[i].key, old.slots[i].hash) = old.slots[i];
            m->n++;
        }
    free(old.slots);
}

/* The slot for key, created (zeroed, used) if absent. */
fe_cmap_slot *fe_cmap_put(fe_cmap *m, CXCursor key) {
    if (2 * (m->n + 1) > m->cap)
        cmap_grow(m);
    unsigned h = clang_hashCursor(key);
    fe_cmap_slot *s = cmap_find(m, key, h);
    if (!s->used) {
        memset(s, 0, sizeof *s);
        s->used = true;
        s->key = key;
        s->hash = h;
        m->n++;
    }
    return s;
}

/* -------------------------------------------------------------- string map */

static unsigned str_hash(const char *s) {
    unsigned h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static fe_smap_slot *smap_find(fe_smap_slot *slots, int cap, const char *key) {
    unsigned mask = (unsigned)cap - 1;
    for (unsigned i = str_hash(key) & mask;; i = (i + 1) & mask)
        if (!slots[i].key || strcmp(slots[i].key, key) == 0)
            return &slots[i];
}

int fe_smap_get(const fe_smap *m, const char *key) {
    if (!m->cap)
        return -1;
    fe_smap_slot *s = smap_find(m->slots, m->cap, key);
    return s->key ? s->val : -1;
}

/* Slots live in the arena a; growing leaves the old table there. */
void fe_smap_put(fe_smap *m, arena *a, const char *key, int val) {
    if (2 * (m->n + 1) > m->cap) {
        int cap = m->cap ? m->cap * 2 : 16;
        fe_smap_slot *slots = ARENA_ARRAY(a, fe_smap_slot, cap);
        for (int i = 0; i < m->cap; i++)
            if (m->slots[i].key)
                *smap_find(slots, cap, m->slots[i].key) = m->slots[i];
        m->slots = slots;
        m->cap = cap;
    }
    fe_smap_slot *s = smap_find(m->slots, m->cap, key);
    if (!s->key) {
        s->key = arena_strdup(a, key);
        m->n++;
    }
    s->val = val;
}

void *fe_grow(arena *a, void *old, int n, int *cap, size_t elem) {
    if (n < *cap)
        return old;
    int ncap = *cap ? *cap * 2 : 8;
    void *p = arena_alloc(a, elem * (size_t)ncap);
    if (n)
        memcpy(p, old, elem * (size_t)n);
    *cap = ncap;
    return p;
}

/* ---------------------------------------------------------------- children */

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData d) {
    fe_tu *t = d;
    if (t->nscratch == t->scratch_cap) {
        t->scratch_cap = t->scratch_cap ? t->scratch_cap * 2 : 64;
        t->scratch = realloc(t->scratch, sizeof *t->scratch * (size_t)t->scratch_cap);
        if (!t->scratch) {
            fprintf(stderr, "refflow: out of memory\n");
            abort();
        }
    }
    t->scratch[t->nscratch++] = c;
    return CXChildVisit_Continue;
}

int fe_children(fe_tu *t, arena *a, CXCursor c, CXCursor **out) {
    t->nscratch = 0;
    clang_visitChildren(c, collect, t);
    int n = t->nscratch;
    *out = ARENA_ARRAY(a, CXCursor, n ? n : 1);
    if (n)
        memcpy(*out, t->scratch, sizeof **out * (size_t)n);
    return n;
}

int fe_expr_children(fe_tu *t, arena *a, CXCursor c, CXCursor **out) {
    int n = fe_children(t, a, c, out), k = 0;
    for (int i = 0; i < n; i++)
        if (clang_isExpression(clang_getCursorKind((*out)[i])))
            (*out)[k++] = (*out)[i];
    return k;
}

/* --------------------------------------------------------------- locations */

struct fe_file_name {
    CXFile file;
    const char *name;
};

static const char *file_name(fe_tu *t, CXFile file) {
    if (t->main_file && clang_File_isEqual(file, t->main_file))
        return t->opt->file;
    for (int i = 0; i < t->nfiles; i++)
        if (clang_File_isEqual(file, t->files[i].file))
            return t->files[i].name;
    if (t->nfiles == t->files_cap) {
        int cap = t->files_cap ? t->files_cap * 2 : 16;
        struct fe_file_name *v = ARENA_ARRAY(&t->mem, struct fe_file_name, cap);
        if (t->nfiles)
            memcpy(v, t->files, sizeof *v * (size_t)t->nfiles);
        t->files = v;
        t->files_cap = cap;
    }
    CXString s = clang_getFileName(file);
    const char *name = arena_strdup(&t->mem, clang_getCString(s));
    clang_disposeString(s);
    t->files[t->nfiles].file = file;
    t->files[t->nfiles].name = name ? name : "";
    return t->files[t->nfiles++].name;
}

ir_loc fe_loc(fe_tu *t, CXSourceLocation l) {
    ir_loc r = {0};
    CXFile file = NULL;
    unsigned line = 0, col = 0;
    clang_getExpansionLocation(l, &file, &line, &col, NULL);
    if (!file)
        return r;
    r.file = file_name(t, file);
    r.line = line;
    r.col = col;
    return r;
}

ir_loc fe_cursor_loc(fe_tu *t, CXCursor c) {
    return fe_loc(t, clang_getRangeStart(clang_getCursorExtent(c)));
}

/* The extent's end points just past the last token; for a one-character
 * token such as "}" that is one column to the left. */
ir_loc fe_cursor_end(fe_tu *t, CXCursor c) {
    ir_loc r = fe_loc(t, clang_getRangeEnd(clang_getCursorExtent(c)));
    if (r.col > 1)
        r.col--;
    return r;
}

ir_loc fe_name_loc(fe_tu *t, CXCursor c) {
    return fe_loc(t, clang_getCursorLocation(c));
}

bool fe_in_main_file(fe_tu *t, CXCursor c) {
    CXFile file = NULL;
    clang_getExpansionLocation(clang_getCursorLocation(c), &file, NULL, NULL, NULL);
    return file && t->main_file && clang_File_isEqual(file, t->main_file);
}

const char *fe_spelling(arena *a, CXCursor c) {
    CXString s = clang_getCursorSpelling(c);
    const char *r = arena_strdup(a, clang_getCString(s));
    clang_disposeString(s);
    return r ? r : "";
}

bool fe_in_names(const char *const *list, const char *s) {
    for (; s && *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

/* Same spelling position (file offset): an implicit wrapper around its child. */
bool fe_same_spelling_loc(CXCursor a, CXCursor b) {
    CXFile fa = NULL, fb = NULL;
    unsigned oa = 0, ob = 0;
    clang_getSpellingLocation(clang_getCursorLocation(a), &fa, NULL, NULL, &oa);
    clang_getSpellingLocation(clang_getCursorLocation(b), &fb, NULL, NULL, &ob);
    if (!fa || !fb)
        return !fa && !fb && oa == ob;
    return oa == ob && clang_File_isEqual(fa, fb);
}

/* ------------------------------------------------------------ source lines */

#define LINE_TEXT_MAX 120

static void index_lines(fe_tu *t) {
    size_t size = 0;
    t->src = clang_getFileContents(t->tu, t->main_file, &size);
    t->src_len = t->src ? size : 0;
    unsigned n = 1;
    for (size_t i = 0; i < t->src_len; i++)
        n += t->src[i] == '\n';
    t->line_start = ARENA_ARRAY(&t->mem, unsigned, n + 2);
    t->line_text = ARENA_ARRAY(&t->mem, const char *, n + 2);
    t->nlines = n;
    unsigned line = 1;
    t->line_start[1] = 0;
    for (size_t i = 0; i < t->src_len; i++)
        if (t->src[i] == '\n')
            t->line_start[++line] = (unsigned)i + 1;
}

static const char *make_line_text(fe_tu *t, unsigned line) {
    size_t a = t->line_start[line], b = a;
    while (b < t->src_len && t->src[b] != '\n')
        b++;
    while (a < b && (t->src[a] == ' ' || t->src[a] == '\t'))
        a++;
    while (b > a && (t->src[b - 1] == ' ' || t->src[b - 1] == '\t' || t->src[b - 1] == '\r'))
        b--;
    return arena_strndup(&t->mem, t->src + a, b - a > LINE_TEXT_MAX ? LINE_TEXT_MAX : b - a);
}

const char *fe_line_text(fe_tu *t, ir_loc l) {
    if (!l.file || l.file != t->opt->file || !t->main_file)
        return NULL;
    if (!t->line_start)
        index_lines(t);
    if (!t->src || l.line < 1 || l.line > t->nlines)
        return NULL;
    if (!t->line_text[l.line])
        t->line_text[l.line] = make_line_text(t, l.line);
    return t->line_text[l.line];
}

void fe_warn(fe_tu *t, ir_loc l, const char *fmt, ...) {
    if (!t->diag)
        return;
    char place[4200], text[4096], line[8400];
    if (l.file)
        snprintf(place, sizeof place, "%s:%u:%u: ", l.file, l.line, l.col);
    else
        snprintf(place, sizeof place, "%s: ", t->opt->file);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    snprintf(line, sizeof line, "%swarning: %s [refflow]\n", place, text);
    fputs(line, t->diag); /* one write: -j workers share the stream */
}

bool fe_is_logical(CXCursor s) {
    enum CXCursorKind k = clang_getCursorKind(s);
    if (k == CXCursor_UnaryOperator)
        return clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_LNot;
    if (k != CXCursor_BinaryOperator)
        return false;
    enum CXBinaryOperatorKind b = clang_getCursorBinaryOperatorKind(s);
    return b == CXBinaryOperator_LAnd || b == CXBinaryOperator_LOr;
}
