/* frontend_tu.c: parsing one translation unit with libclang and handing each
 * function defined in the main file to the lowering (frontend.h).
 *
 * Stack: clang's parser and semantic analysis recurse on nesting (casts,
 * unary operators, else-if chains); on libclang's own 8 MB parse thread a
 * few thousand levels overflow it and kill the process. So fe_run parses and
 * lowers on a helper thread with a large stack (FE_STACK_SIZE, reserved, not
 * committed) and tells libclang to run on the calling thread
 * (LIBCLANG_NOTHREADS, set once per process unless already set). fe_run waits
 * for the helper: callers see no concurrency, but the callback runs on it.
 *
 * Assumes REFFLOW_CLANG_RESOURCE_DIR is defined at compile time (CMake sets
 * it on this file). Parsing keeps going after fatal errors
 * (CXTranslationUnit_KeepGoing) so that a missing #include still leaves a
 * usable AST; each error diagnostic is printed as a warning. Only top-level
 * cursors are visited, and only those whose expansion location is in the
 * main file are lowered: header function bodies are never walked.
 */
#include "frontend_lower.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FE_STACK_SIZE ((size_t)512 << 20)

#ifndef REFFLOW_CLANG_RESOURCE_DIR
#define REFFLOW_CLANG_RESOURCE_DIR ""
#endif

const char *fe_resource_dir(void) {
    return REFFLOW_CLANG_RESOURCE_DIR;
}

char *fe_clang_version(void) {
    CXString s = clang_getClangVersion();
    const char *v = clang_getCString(s);
    char *r = strdup(v ? v : "unknown");
    clang_disposeString(s);
    return r;
}

static const char *error_text(enum CXErrorCode e) {
    switch (e) {
    case CXError_Success: return "success";
    case CXError_Failure: return "libclang could not parse it (unknown failure)";
    case CXError_Crashed: return "libclang crashed while parsing it";
    case CXError_InvalidArguments: return "libclang rejected the arguments";
    case CXError_ASTReadError: return "libclang could not read a serialized AST";
    default: return "libclang failed with an unknown error code";
    }
}

static bool has_arg(const fe_options *opt, const char *name) {
    size_t n = strlen(name);
    for (int i = 0; i < opt->nargs; i++)
        if (opt->args[i] && strncmp(opt->args[i], name, n) == 0)
            return true;
    return false;
}

/* The user's arguments, plus -resource-dir and -working-directory when
 * needed. The array is malloc'd; the strings are borrowed. */
static const char **build_args(const fe_options *opt, int *n) {
    const char **v = malloc(sizeof *v * (size_t)(opt->nargs + 4));
    int k = 0;
    for (int i = 0; i < opt->nargs; i++)
        v[k++] = opt->args[i];
    if (!has_arg(opt, "-resource-dir") && fe_resource_dir()[0]) {
        v[k++] = "-resource-dir";
        v[k++] = fe_resource_dir();
    }
    if (opt->directory && opt->directory[0] && !has_arg(opt, "-working-directory")) {
        v[k++] = "-working-directory";
        v[k++] = opt->directory;
    }
    *n = k;
    return v;
}

/* ------------------------------------------------------------ diagnostics */

/* Where a diagnostic is ("FILE:LINE:COL: " into buf). At the very end of
 * a file the expansion location may have no file: the presumed one still
 * names it; failing that, the main file is named without a line. */
static void diag_place(fe_tu *t, CXSourceLocation where, char *buf, size_t n) {
    ir_loc l = fe_loc(t, where);
    if (l.file) {
        snprintf(buf, n, "%s:%u:%u: ", l.file, l.line, l.col);
        return;
    }
    CXString name;
    unsigned line = 0, col = 0;
    clang_getPresumedLocation(where, &name, &line, &col);
    const char *s = clang_getCString(name);
    if (s && s[0] && line)
        snprintf(buf, n, "%s:%u:%u: ", s, line, col);
    else
        snprintf(buf, n, "%s: ", t->opt->file);
    clang_disposeString(name);
}

/* One fputs per line: with -j, workers share stderr and must not interleave. */
static void print_diag(fe_tu *t, CXDiagnostic d) {
    char place[4200], line[8192];
    diag_place(t, clang_getDiagnosticLocation(d), place, sizeof place);
    CXString msg = clang_getDiagnosticSpelling(d);
    snprintf(line, sizeof line, "%swarning: %s [clang]\n", place, clang_getCString(msg));
    clang_disposeString(msg);
    fputs(line, t->diag);
}

static void report_diagnostics(fe_tu *t, fe_result *res) {
    unsigned n = clang_getNumDiagnostics(t->tu);
    for (unsigned i = 0; i < n; i++) {
        CXDiagnostic d = clang_getDiagnostic(t->tu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            res->errors++;
            if (t->diag) {
                print_diag(t, d);
                res->warnings_printed++;
            }
        }
        clang_disposeDiagnostic(d);
    }
    t->errors = res->errors;
}

/* ---------------------------------------------------------------- lowering */

typedef struct lowered {
    ir_function *f;
    arena *mem;              /* malloc'd: f->arena points here; NULL in a unit's arena */
} lowered;

typedef struct walk {
    fe_tu *t;
    fe_function_cb cb;
    void *ctx;
    fe_result *res;
    lowered *kept;           /* callees_first: every function, in file order */
    int nkept, keptcap;
    fe_unit *unit;           /* fe_load: functions move here instead of the callback */
} walk;

struct fe_unit {
    arena mem;               /* the TU's shared strings (file names, callee facts) */
    arena ir;                /* every function, compacted (ir_compact) */
    lowered *fns;            /* callees first */
    int n, cap;
};

/* fe_load's hand-over: the function (and its arena) now belong to the unit. */
static void unit_take(fe_unit *u, lowered l) {
    if (u->n == u->cap) {
        u->cap = u->cap ? u->cap * 2 : 32;
        u->fns = realloc(u->fns, sizeof *u->fns * (size_t)u->cap);
        if (!u->fns)
            abort();
    }
    u->fns[u->n++] = l;
}

static void push_kept(walk *w, lowered l) {
    if (w->nkept == w->keptcap) {
        int cap = w->keptcap ? w->keptcap * 2 : 32;
        lowered *n = realloc(w->kept, sizeof *n * (size_t)cap);
        if (!n) /* out of memory */
            abort();
        w->kept = n;
        w->keptcap = cap;
    }
    w->kept[w->nkept++] = l;
}

/* Keeps f for hand_over_all. For fe_load, compacted into the unit's arena
 * and a dropped (lowering's scratch is most of it); else with its arena,
 * moved to the heap. */
static void keep(walk *w, ir_function *f, arena *a) {
    if (w->unit) {
        push_kept(w, (lowered){ir_compact(f, &w->unit->ir), NULL});
        arena_free(a);
        return;
    }
    arena *mem = malloc(sizeof *mem);
    if (!mem)
        abort();
    *mem = *a;
    f->arena = mem;
    push_kept(w, (lowered){f, mem});
}

static void release(lowered *l) {
    if (!l->mem)
        return; /* in its unit's arena */
    arena_free(l->mem);
    free(l->mem);
}

static void lower_one(walk *w, CXCursor c) {
    arena a;
    arena_init(&a);
    ir_function *f = fe_lower_function(w->t, &a, c);
    char err[256];
    if (ir_validate(f, err, sizeof err)) {
        w->res->functions++;
        if (w->t->opt->callees_first) {
            keep(w, f, &a);
            return;
        }
        w->cb(f, w->ctx);
    } else {
        fe_warn(w->t, f->loc, "internal error lowering '%s' (%s); function skipped",
                f->name, err);
    }
    arena_free(&a);
}

/* --------------------------------------------- bottom-up over the calls */

typedef struct order_ctx {
    walk *w;
    fe_smap index;           /* function name -> position in w->kept */
    char *state;             /* 0 new, 1 on the stack, 2 handed over */
} order_ctx;

static void hand_over(order_ctx *o, int i, int depth);

/* To the callback (then released), or into fe_load's unit. */
static void give(walk *w, lowered *l) {
    if (w->unit) {
        unit_take(w->unit, *l);
        return;
    }
    w->cb(l->f, w->ctx);
    release(l);
}

static void visit_callees(order_ctx *o, const ir_function *f, int depth) {
    for (int b = 0; b < f->nblocks; b++)
        for (int k = 0; k < f->blocks[b].ninstrs; k++) {
            const ir_instr *in = &f->blocks[b].instrs[k];
            if (in->kind != IR_CALL || !in->callee.name || !in->callee.defined_here)
                continue;
            int j = fe_smap_get(&o->index, in->callee.name);
            if (j >= 0 && o->state[j] == 0)
                hand_over(o, j, depth + 1);
        }
}

/* Callees first (depth-limited: past the limit, file order). */
static void hand_over(order_ctx *o, int i, int depth) {
    o->state[i] = 1;
    if (depth < 256)
        visit_callees(o, o->w->kept[i].f, depth);
    o->state[i] = 2;
    give(o->w, &o->w->kept[i]);
}

static void hand_over_all(walk *w) {
    order_ctx o = {.w = w, .state = calloc((size_t)w->nkept + 1, 1)};
    for (int i = 0; i < w->nkept; i++)
        fe_smap_put(&o.index, &w->t->mem, w->kept[i].f->name, i);
    for (int i = 0; i < w->nkept; i++)
        if (!o.state || o.state[i] == 0) {
            if (o.state)
                hand_over(&o, i, 0);
            else /* out of memory: file order */
                give(w, &w->kept[i]);
        }
    free(o.state);
    free(w->kept);
}

/* Functions named inside a file-scope initializer (PyMethodDef tables,
 * PyType_Slot arrays, static PyTypeObject definitions) are called through
 * those tables: their contracts are the protocol's, not their bodies'. */
static enum CXChildVisitResult find_function_refs(CXCursor c, CXCursor parent, CXClientData d) {
    fe_tu *t = d;
    if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
        CXCursor r = clang_getCursorReferenced(c);
        if (clang_getCursorKind(r) == CXCursor_FunctionDecl)
            fe_smap_put(&t->address_taken, &t->mem, fe_spelling(&t->mem, r), 1);
    }
    return CXChildVisit_Recurse;
}

static enum CXChildVisitResult scan_initializers(CXCursor c, CXCursor parent, CXClientData d) {
    fe_tu *t = d;
    if (clang_getCursorKind(c) == CXCursor_VarDecl && fe_in_main_file(t, c))
        clang_visitChildren(c, find_function_refs, t);
    return CXChildVisit_Continue;
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData d) {
    walk *w = d;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_FunctionDecl && clang_isCursorDefinition(c) && fe_in_main_file(w->t, c))
        lower_one(w, c);
    return CXChildVisit_Continue;
}

/* A clearer message than libclang's for a file that is not there. */
static bool readable(const fe_options *opt, fe_result *res) {
    char path[4096];
    if (opt->directory && opt->directory[0] && opt->file[0] != '/')
        snprintf(path, sizeof path, "%s/%s", opt->directory, opt->file);
    else
        snprintf(path, sizeof path, "%s", opt->file);
    struct stat st;
    const char *why = NULL;
    if (stat(path, &st) != 0)
        why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "not a regular file";
    if (why)
        snprintf(res->message, sizeof res->message, "%s: cannot be read: %s", opt->file, why);
    return !why;
}

static bool parse(fe_tu *t, CXIndex idx, fe_result *res) {
    if (!readable(t->opt, res))
        return false;
    int nargs;
    const char **args = build_args(t->opt, &nargs);
    unsigned flags = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
    enum CXErrorCode e = clang_parseTranslationUnit2(idx, t->opt->file, args, nargs, NULL, 0,
                                                     flags, &t->tu);
    free(args);
    if (e != CXError_Success) {
        snprintf(res->message, sizeof res->message, "%s: %s", t->opt->file, error_text(e));
        return false;
    }
    t->main_file = clang_getFile(t->tu, t->opt->file);
    if (!t->main_file) {
        snprintf(res->message, sizeof res->message, "%s: cannot be read", t->opt->file);
        return false;
    }
    return true;
}

static void tu_free(fe_tu *t) {
    fe_cmap_free(&t->types);
    fe_cmap_free(&t->callees);
    rules_free(t->annot_rules);
    free(t->scratch);
    arena_free(&t->mem);
    if (t->tu)
        clang_disposeTranslationUnit(t->tu);
}

static void add_inclusion(CXFile file, CXSourceLocation *stack, unsigned depth, CXClientData d) {
    fe_result *res = d;
    if (depth == 0)
        return; /* the main file itself */
    CXString name = clang_getFileName(file);
    const char *s = clang_getCString(name);
    char **grown = s ? realloc(res->includes, sizeof(char *) * (size_t)(res->nincludes + 1)) : NULL;
    if (grown) {
        res->includes = grown;
        res->includes[res->nincludes] = strdup(s);
        if (res->includes[res->nincludes])
            res->nincludes++;
    }
    clang_disposeString(name);
}

void fe_result_free(fe_result *res) {
    for (int i = 0; i < res->nincludes; i++)
        free(res->includes[i]);
    free(res->includes);
    res->includes = NULL;
    res->nincludes = 0;
}

static bool run(const fe_options *opt, fe_function_cb cb, void *ctx, fe_result *res,
                fe_unit *unit) {
    memset(res, 0, sizeof *res);
    fe_tu t = {.opt = opt, .diag = opt->diag};
    arena_init(&t.mem);
    CXIndex idx = clang_createIndex(0, 0);
    bool ok = parse(&t, idx, res);
    if (ok) {
        report_diagnostics(&t, res);
        clang_getInclusions(t.tu, add_inclusion, res);
        if (res->errors == 0 || opt->keep_going) {
            walk w = {&t, cb, ctx, res, NULL, 0, 0, unit};
            CXCursor top = clang_getTranslationUnitCursor(t.tu);
            if (opt->types)
                fe_typegraph(&t, opt->types);
            clang_visitChildren(top, scan_initializers, &t);
            t.module_state = fe_module_state(&t);
            clang_visitChildren(top, visit_top, &w);
            hand_over_all(&w);
        }
    }
    res->failed = !ok;
    if (unit) { /* the IR points into the TU's arena: the unit keeps it */
        unit->mem = t.mem;
        arena_init(&t.mem);
    }
    tu_free(&t);
    clang_disposeIndex(idx);
    return ok;
}

typedef struct run_args {
    const fe_options *opt;
    fe_function_cb cb;
    void *ctx;
    fe_result *res;
    fe_unit *unit;
    bool ok;
} run_args;

static void *run_thread(void *p) {
    run_args *a = p;
    a->ok = run(a->opt, a->cb, a->ctx, a->res, a->unit);
    return NULL;
}

static pthread_once_t no_threads_once = PTHREAD_ONCE_INIT;

static void libclang_no_threads(void) {
    setenv("LIBCLANG_NOTHREADS", "1", 0);
}

static bool run_big_stack(run_args *a) {
    pthread_once(&no_threads_once, libclang_no_threads);
    pthread_attr_t attr;
    pthread_t th;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, FE_STACK_SIZE);
    int rc = pthread_create(&th, &attr, run_thread, a);
    pthread_attr_destroy(&attr);
    if (rc != 0)
        return run(a->opt, a->cb, a->ctx, a->res, a->unit); /* no helper: the caller's stack */
    pthread_join(th, NULL);
    return a->ok;
}

bool fe_run(const fe_options *opt, fe_function_cb cb, void *ctx, fe_result *res) {
    run_args a = {opt, cb, ctx, res, NULL, false};
    return run_big_stack(&a);
}

fe_unit *fe_load(const fe_options *opt, fe_result *res) {
    fe_options o = *opt;
    o.callees_first = true;
    fe_unit *u = calloc(1, sizeof *u);
    if (!u)
        abort();
    arena_init(&u->mem);
    arena_init(&u->ir);
    run_args a = {&o, NULL, NULL, res, u, false};
    if (run_big_stack(&a))
        return u;
    fe_unit_free(u);
    return NULL;
}

int fe_unit_count(const fe_unit *u) {
    return u ? u->n : 0;
}

ir_function *fe_unit_function(const fe_unit *u, int i) {
    return u->fns[i].f;
}

size_t fe_unit_bytes(const fe_unit *u) {
    if (!u)
        return 0;
    size_t n = u->mem.used + u->ir.used;
    for (int i = 0; i < u->n; i++)
        n += u->fns[i].mem ? u->fns[i].mem->used : 0;
    return n;
}

void fe_unit_free(fe_unit *u) {
    if (!u)
        return;
    for (int i = 0; i < u->n; i++)
        release(&u->fns[i]);
    free(u->fns);
    arena_free(&u->ir);
    arena_free(&u->mem);
    free(u);
}
