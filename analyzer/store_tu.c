/* store_tu.c: collecting one translation unit's facts and writing them in
 * one transaction (see store.h).
 *
 * A store_tu copies everything into its own arena (and growable arrays) and
 * touches the database only in store_end_tu: the write transaction lasts as
 * long as the inserts, not the analysis, so workers and other processes
 * wait on each other only for that long.
 *
 * Reuse safety: the main file is hashed at store_begin_tu, before the
 * caller parses it; includes can only be hashed after. If any file's mtime
 * is not safely older than the start of the analysis, or the main file's
 * content moved meanwhile, the parser may have seen other bytes than the
 * ones hashed, so the unit is stored with no combined hash (never reused).
 * The same goes for a unit whose include list was never given.
 */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct tu_fn {
    const char *name, *returns, *params;
    ir_loc loc;
    store_summary_from from;
    bool is_static;
} tu_fn;

typedef struct tu_dep {
    const char *name, *summary;
} tu_dep;

typedef struct tu_site {
    int fn;
    store_site site;
} tu_site;

typedef struct tu_call {
    int fn;
    const char *callee;
    ir_loc loc;
} tu_call;

#define VEC(T) struct { T *v; int n, cap; }

struct store_tu {
    store *s;
    arena a;
    int64_t began_ns;
    const char *file;        /* main file as given */
    tu_ident id;
    file_info main;
    VEC(char *) includes;    /* canonical paths, in the arena */
    bool includes_known;     /* store_set_includes was called */
    VEC(tu_fn) fns;
    VEC(tu_site) sites;
    VEC(tu_call) calls;
    VEC(tu_dep) deps;
    VEC(store_type_edge) types;
    VEC(store_type) objtypes;
    finding_list findings;
    VEC(const char *) fps;   /* per finding: the caller's fingerprint or NULL */
};

static void *vpush(void **v, int *n, int *cap, size_t size) {
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        if (!(*v = realloc(*v, size * (size_t)*cap)))
            abort();
    }
    void *slot = (char *)*v + size * (size_t)(*n)++;
    memset(slot, 0, size);
    return slot;
}

#define VPUSH(vec) ((__typeof__((vec).v))vpush((void **)&(vec).v, &(vec).n, &(vec).cap, \
                                               sizeof *(vec).v))

static ir_loc copy_loc(arena *a, ir_loc loc) {
    loc.file = arena_strdup(a, loc.file);
    return loc;
}

store_tu *store_begin_tu(store *s, const store_tu_key *key) {
    store_tu *t = calloc(1, sizeof *t);
    if (!t)
        abort();
    t->s = s;
    arena_init(&t->a);
    finding_list_init(&t->findings);
    t->began_ns = store_now_ns();
    t->file = arena_strdup(&t->a, key->file);
    tu_ident_make(key, &t->id);
    store_file_info(&s->cache, t->id.main_path, NULL, 0, &t->main);
    return t;
}

void store_set_includes(store_tu *t, const char *const *paths, int n) {
    t->includes.n = 0;
    t->includes_known = true;
    for (int i = 0; i < n; i++) {
        char *canon = store_canon_path(paths[i], t->id.directory);
        if (strcmp(canon, t->id.main_path) != 0)
            *VPUSH(t->includes) = arena_strdup(&t->a, canon);
        free(canon);
    }
}

/* The argument tokens of a rule, as rules_format writes them. */
static const char *params_text(arena *a, const rule_fn *r) {
    size_t len = 1;
    for (int i = 0; i < r->nparams; i++)
        len += strlen(rule_arg_name(r->params[i].effect)) + 5; /* "fmt", "?", " " */
    len += strlen(rule_varargs_name(r->varargs)) + 1;
    char *buf = arena_alloc(a, len), *p = buf;
    for (int i = 0; i < r->nparams; i++) {
        bool fmt = i == r->format_index && r->varargs >= RULE_VA_BUILD;
        p += sprintf(p, "%s%s%s", i ? " " : "", fmt ? "fmt" : rule_arg_name(r->params[i].effect),
                     !fmt && r->params[i].nullable ? "?" : "");
    }
    if (r->varargs != RULE_VA_NONE)
        sprintf(p, "%s%s", r->nparams ? " " : "", rule_varargs_name(r->varargs));
    return buf;
}

int store_put_function(store_tu *t, const store_function *f) {
    tu_fn *fn = VPUSH(t->fns);
    fn->name = arena_strdup(&t->a, f->name);
    fn->loc = copy_loc(&t->a, f->loc);
    fn->from = f->summary ? f->from : STORE_SUMMARY_NONE;
    fn->is_static = f->is_static;
    if (f->summary) {
        /* "null" (only ever returns NULL) is stored as "value": no reference;
         * "argN" (returns an argument) as "borrowed": no new reference, or
         * as "new" when the argument is incref'd for the result */
        fn->returns = f->summary->ret == RULE_RET_NULL ? "value"
                      : rules_returns_arg_new(f->summary) ? "new"
                      : f->summary->ret == RULE_RET_ARG ? "borrowed"
                                                       : rule_ret_name(f->summary->ret);
        fn->params = params_text(&t->a, f->summary);
        if (f->summary->ret == RULE_RET_NEW_OR_ABSENT)
            fn->returns = "new?"; /* the schema's word for a new reference or NULL */
        else if (f->summary->ret == RULE_RET_LOOKUP)
            fn->returns = "status"; /* an int, negative on failure */
        else if (f->summary->ret == RULE_RET_NONNULL)
            fn->returns = "value"; /* not a reference */
    }
    return t->fns.n - 1;
}

void store_put_site(store_tu *t, int fn, const store_site *site) {
    tu_site *s = VPUSH(t->sites);
    s->fn = fn;
    s->site = *site;
    s->site.loc = copy_loc(&t->a, site->loc);
    s->site.callee = arena_strdup(&t->a, site->callee);
    s->site.symbol = arena_strdup(&t->a, site->symbol);
    s->site.symbol_origin = arena_strdup(&t->a, site->symbol_origin);
}

void store_put_call_edge(store_tu *t, int fn, const char *callee, ir_loc loc) {
    tu_call *c = VPUSH(t->calls);
    c->fn = fn;
    c->callee = arena_strdup(&t->a, callee);
    c->loc = copy_loc(&t->a, loc);
}

void store_put_dependency(store_tu *t, const char *name, const char *summary) {
    for (int i = 0; i < t->deps.n; i++)
        if (strcmp(t->deps.v[i].name, name) == 0) {
            t->deps.v[i].summary = arena_strdup(&t->a, summary);
            return;
        }
    tu_dep *d = VPUSH(t->deps);
    d->name = arena_strdup(&t->a, name);
    d->summary = arena_strdup(&t->a, summary);
}

void store_put_type_edge(store_tu *t, const store_type_edge *e) {
    store_type_edge *c = VPUSH(t->types);
    *c = *e;
    c->struct_type = arena_strdup(&t->a, e->struct_type);
    c->field = arena_strdup(&t->a, e->field);
    c->target_type = arena_strdup(&t->a, e->target_type);
    c->why_borrowed = arena_strdup(&t->a, e->why_borrowed);
    c->loc = copy_loc(&t->a, e->loc);
}

void store_put_type(store_tu *t, const store_type *ty) {
    store_type *c = VPUSH(t->objtypes);
    *c = *ty;
    c->name = arena_strdup(&t->a, ty->name);
    c->loc = copy_loc(&t->a, ty->loc);
    c->flavor = arena_strdup(&t->a, ty->flavor);
    c->type_object = arena_strdup(&t->a, ty->type_object);
    c->traverse = arena_strdup(&t->a, ty->traverse);
    c->why_untraced = arena_strdup(&t->a, ty->why_untraced);
}

void store_put_finding(store_tu *t, const finding *f, const char *fingerprint) {
    if (finding_list_add(&t->findings, f))
        *VPUSH(t->fps) = arena_strdup(&t->a, fingerprint);
}

void store_put_findings(store_tu *t, const finding_list *l, const char *const *fingerprints) {
    for (int i = 0; i < l->n; i++)
        store_put_finding(t, &l->items[i], fingerprints ? fingerprints[i] : NULL);
}

void store_abandon_tu(store_tu *t) {
    if (!t)
        return;
    free(t->includes.v);
    free(t->fns.v);
    free(t->sites.v);
    free(t->calls.v);
    free(t->deps.v);
    free(t->types.v);
    free(t->objtypes.v);
    free(t->fps.v);
    finding_list_free(&t->findings);
    tu_ident_free(&t->id);
    arena_free(&t->a);
    free(t);
}

/* --- preparing the include list (outside the lock) ---------------------- */

static int compare_paths(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts and dedups the includes, hashes each into infos (malloc'd, one per
 * include) and says whether the unit may be reused later. */
static bool hash_includes(store_tu *t, file_info **infos) {
    char **inc = t->includes.v;
    int n = 0;
    if (t->includes.n)
        qsort(inc, (size_t)t->includes.n, sizeof *inc, compare_paths);
    for (int i = 0; i < t->includes.n; i++)
        if (n == 0 || strcmp(inc[n - 1], inc[i]) != 0)
            inc[n++] = inc[i];
    t->includes.n = n;
    *infos = calloc((size_t)n + 1, sizeof **infos);
    if (!*infos)
        abort();
    file_info now;
    store_file_info(&t->s->cache, t->id.main_path, NULL, 0, &now);
    bool reusable = t->includes_known && t->main.ok && now.ok && now.hash == t->main.hash &&
                    !store_is_racy(t->main.mtime_ns, t->began_ns);
    for (int i = 0; i < n; i++) {
        store_file_info(&t->s->cache, inc[i], NULL, 0, &(*infos)[i]);
        reusable = reusable && (*infos)[i].ok &&
                   !store_is_racy((*infos)[i].mtime_ns, t->began_ns);
    }
    return reusable;
}

/* --- writing (s->lock held, inside the transaction) --------------------- */

typedef struct write_ctx {
    store_tu *t;
    store *s;
    char *err;
    size_t errlen;
    int64_t tu_id, prev_run;
} write_ctx;

/* Steps an INSERT ... RETURNING id to its end; *id gets the id. */
static bool returning_id(write_ctx *w, sqlite3_stmt *st, int64_t *id) {
    if (!st || db_step(w->s, st, w->err, w->errlen) != 1)
        return false;
    *id = sqlite3_column_int64(st, 0);
    return db_step(w->s, st, w->err, w->errlen) == 0;
}

static bool upsert_file(write_ctx *w, const char *path, const file_info *fi, int64_t *id) {
    return returning_id(
        w, db_query(w->s, w->err, w->errlen,
                    "INSERT INTO files (path, hash, mtime_ns, size, hashed_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET "
                    "hash = excluded.hash, mtime_ns = excluded.mtime_ns, "
                    "size = excluded.size, hashed_at = excluded.hashed_at RETURNING id",
                    "thiii", path, fi->hash, fi->mtime_ns, fi->size, fi->hashed_at),
        id);
}

/* Finds or makes the unit's row and brings its columns up to date. */
static bool write_tu_row(write_ctx *w, int64_t main_id, const uint64_t *combined) {
    store_tu *t = w->t;
    char hex[17];
    if (combined)
        store_hex(*combined, hex);
    sqlite3_stmt *st = db_query(w->s, w->err, w->errlen,
                                "SELECT id, last_run FROM tus WHERE main_file_id = ? AND "
                                "args_hash = ?",
                                "ih", main_id, t->id.key_hash);
    int rc = st ? db_step(w->s, st, w->err, w->errlen) : -1;
    if (rc < 0)
        return false;
    w->tu_id = rc ? sqlite3_column_int64(st, 0) : 0;
    w->prev_run = rc ? sqlite3_column_int64(st, 1) : 0;
    if (rc && db_step(w->s, st, w->err, w->errlen) != 0)
        return false;
    if (w->tu_id)
        return db_exec(w->s, w->err, w->errlen,
                       "UPDATE tus SET file = ?, directory = ?, args = ?, combined_hash = ?, "
                       "last_run = ? WHERE id = ?",
                       "ttttii", t->file, t->id.directory, t->id.args_text,
                       combined ? hex : NULL, w->s->run_id, w->tu_id);
    return returning_id(
        w, db_query(w->s, w->err, w->errlen,
                    "INSERT INTO tus (main_file_id, file, directory, args, args_hash, "
                    "combined_hash, last_run) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    "itttht" "i", main_id, t->file, t->id.directory, t->id.args_text,
                    t->id.key_hash, combined ? hex : NULL, w->s->run_id),
        &w->tu_id);
}

static bool write_includes(write_ctx *w, const file_info *infos) {
    store_tu *t = w->t;
    if (!db_exec(w->s, w->err, w->errlen, "DELETE FROM tu_includes WHERE tu_id = ?", "i",
                 w->tu_id))
        return false;
    for (int i = 0; i < t->includes.n; i++) {
        int64_t fid;
        if (!infos[i].ok)
            continue; /* the unit is not reusable anyway */
        if (!upsert_file(w, t->includes.v[i], &infos[i], &fid) ||
            !db_exec(w->s, w->err, w->errlen,
                     "INSERT OR IGNORE INTO tu_includes (tu_id, file_id) VALUES (?, ?)", "ii",
                     w->tu_id, fid))
            return false;
    }
    return true;
}

static const char *const summary_from_names[] = {
    [STORE_SUMMARY_NONE] = "none",           [STORE_SUMMARY_RULE] = "rule",
    [STORE_SUMMARY_ANNOTATION] = "annotation", [STORE_SUMMARY_INFERENCE] = "inference",
    [STORE_SUMMARY_CONVENTION] = "convention",
};
static const char *const site_kind_names[] = {
    [STORE_SITE_ACQUIRE] = "acquire", [STORE_SITE_INCREF] = "incref",
    [STORE_SITE_DECREF] = "decref",   [STORE_SITE_STEAL] = "steal",
    [STORE_SITE_STORE] = "store",     [STORE_SITE_RETURN] = "return",
};
static const char *const ref_kind_names[] = {
    [STORE_REF_UNKNOWN] = "unknown", [STORE_REF_NEW] = "new",     [STORE_REF_BORROWED] = "borrowed",
    [STORE_REF_PARAM] = "param",     [STORE_REF_FIELD] = "field", [STORE_REF_GLOBAL] = "global",
};

#define NAME_OF(table, i) \
    ((unsigned)(i) < sizeof table / sizeof table[0] ? table[i] : NULL)

static bool write_functions(write_ctx *w, int64_t *ids) {
    store_tu *t = w->t;
    for (int i = 0; i < t->fns.n; i++) {
        tu_fn *f = &t->fns.v[i];
        if (!returning_id(w,
                          db_query(w->s, w->err, w->errlen,
                                   "INSERT INTO functions (tu_id, name, file, line, col, "
                                   "returns, params, summary_from, linkage) VALUES (?, ?, ?, "
                                   "?, ?, ?, ?, ?, ?) RETURNING id",
                                   "ittiitttt", w->tu_id, f->name, f->loc.file,
                                   (int64_t)f->loc.line, (int64_t)f->loc.col, f->returns,
                                   f->params, NAME_OF(summary_from_names, f->from),
                                   f->is_static ? "static" : "extern"),
                          &ids[i]))
            return false;
    }
    return true;
}

/* The function id for an index from store_put_function. */
static bool fn_id(write_ctx *w, const int64_t *ids, int fn, int64_t *out) {
    if (fn >= 0 && fn < w->t->fns.n) {
        *out = ids[fn];
        return true;
    }
    store_set_err(w->err, w->errlen, "%s: internal error: site or call of unknown function %d",
                  w->s->path, fn);
    return false;
}

static bool write_sites(write_ctx *w, const int64_t *ids) {
    for (int i = 0; i < w->t->sites.n; i++) {
        const tu_site *ts = &w->t->sites.v[i];
        const store_site *s = &ts->site;
        int64_t fid;
        if (!fn_id(w, ids, ts->fn, &fid) ||
            !db_exec(w->s, w->err, w->errlen,
                     "INSERT INTO sites (function_id, kind, file, line, col, callee, arg, "
                     "symbol, symbol_origin, ref_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     "ittiitottt", fid, NAME_OF(site_kind_names, s->kind), s->loc.file,
                     (int64_t)s->loc.line, (int64_t)s->loc.col, s->callee, (int64_t)s->arg,
                     s->symbol, s->symbol_origin,
                     NAME_OF(ref_kind_names, s->ref)))
            return false;
    }
    return true;
}

static bool write_calls(write_ctx *w, const int64_t *ids) {
    for (int i = 0; i < w->t->calls.n; i++) {
        const tu_call *c = &w->t->calls.v[i];
        int64_t fid;
        if (!fn_id(w, ids, c->fn, &fid) ||
            !db_exec(w->s, w->err, w->errlen,
                     "INSERT INTO call_edges (caller_id, callee, file, line, col) "
                     "VALUES (?, ?, ?, ?, ?)",
                     "ittii", fid, c->callee, c->loc.file, (int64_t)c->loc.line,
                     (int64_t)c->loc.col))
            return false;
    }
    return true;
}

static const char *const edge_kind_names[] = {"type", "any", "container"};

static bool write_edges(write_ctx *w) {
    for (int i = 0; i < w->t->types.n; i++) {
        const store_type_edge *e = &w->t->types.v[i];
        int64_t visited = e->visited == STORE_VISIT_UNKNOWN ? -1 : e->visited == STORE_VISIT_YES;
        if (!db_exec(w->s, w->err, w->errlen,
                     "INSERT INTO type_edges (tu_id, struct_type, field, target_type, kind, "
                     "owned, why_borrowed, visited, on_cycle, file, line) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     "ittttdtodti", w->tu_id, e->struct_type, e->field, e->target_type,
                     NAME_OF(edge_kind_names, e->kind), e->owned ? 1 : 0, e->why_borrowed,
                     visited, e->on_cycle ? 1 : 0, e->loc.file, (int64_t)e->loc.line))
            return false;
    }
    return true;
}

static bool write_types(write_ctx *w) {
    if (!db_exec(w->s, w->err, w->errlen, "DELETE FROM type_edges WHERE tu_id = ?", "i",
                 w->tu_id) ||
        !db_exec(w->s, w->err, w->errlen, "DELETE FROM types WHERE tu_id = ?", "i", w->tu_id))
        return false;
    for (int i = 0; i < w->t->objtypes.n; i++) {
        const store_type *ty = &w->t->objtypes.v[i];
        if (!db_exec(w->s, w->err, w->errlen,
                     "INSERT INTO types (tu_id, name, file, line, flavor, type_object, "
                     "gc_tracked, has_traverse, traverse, traced, why_untraced, on_cycle) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     "ittittddtdtd", w->tu_id, ty->name, ty->loc.file, (int64_t)ty->loc.line,
                     ty->flavor, ty->type_object, ty->gc_tracked ? 1 : 0,
                     ty->traverse ? 1 : 0, ty->traverse, ty->traced ? 1 : 0, ty->why_untraced,
                     ty->on_cycle ? 1 : 0))
            return false;
    }
    return write_edges(w);
}

static bool write_deps(write_ctx *w) {
    if (!db_exec(w->s, w->err, w->errlen, "DELETE FROM tu_dependencies WHERE tu_id = ?", "i",
                 w->tu_id))
        return false;
    for (int i = 0; i < w->t->deps.n; i++)
        if (!db_exec(w->s, w->err, w->errlen,
                     "INSERT INTO tu_dependencies (tu_id, name, summary) VALUES (?, ?, ?)",
                     "itt", w->tu_id, w->t->deps.v[i].name, w->t->deps.v[i].summary))
            return false;
    return true;
}

/* Functions (replacing their sites and calls by cascade), sites, calls. */
static bool write_code_facts(write_ctx *w) {
    int64_t *ids = calloc((size_t)w->t->fns.n + 1, sizeof *ids);
    if (!ids)
        abort();
    bool ok = db_exec(w->s, w->err, w->errlen, "DELETE FROM functions WHERE tu_id = ?", "i",
                      w->tu_id) &&
              write_functions(w, ids) && write_sites(w, ids) && write_calls(w, ids) &&
              write_types(w) && write_deps(w);
    free(ids);
    return ok;
}

/* --- findings ----------------------------------------------------------- */

static bool write_steps(write_ctx *w, int64_t fid, const finding *f) {
    if (!db_exec(w->s, w->err, w->errlen, "DELETE FROM finding_steps WHERE finding_id = ?", "i",
                 fid))
        return false;
    for (int i = 0; i < f->nnotes; i++) {
        const finding_note *n = &f->notes[i];
        if (!db_exec(w->s, w->err, w->errlen,
                     "INSERT INTO finding_steps (finding_id, ordinal, file, line, col, text) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     "idtiit", fid, i, n->loc.file, (int64_t)n->loc.line, (int64_t)n->loc.col,
                     n->text ? n->text : ""))
            return false;
    }
    return true;
}

static bool write_finding(write_ctx *w, const finding *f, const char *fp, int64_t *id) {
    int64_t fid;
    int64_t run = w->s->run_id;
    return returning_id(
               w,
               db_query(w->s, w->err, w->errlen,
                        "INSERT INTO findings (first_run, last_run, tu_id, check_id, severity, "
                        "file, line, col, function, symbol, message, fingerprint) "
                        "VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                        "ON CONFLICT (tu_id, fingerprint) DO UPDATE SET "
                        "last_run = excluded.last_run, check_id = excluded.check_id, "
                        "severity = excluded.severity, file = excluded.file, "
                        "line = excluded.line, col = excluded.col, "
                        "function = excluded.function, symbol = excluded.symbol, "
                        "message = excluded.message RETURNING id",
                        "iitttiitttt", run, w->tu_id, f->check, f->severity, f->loc.file,
                        (int64_t)f->loc.line, (int64_t)f->loc.col, f->function, f->symbol,
                        f->message ? f->message : "", fp),
               &fid) &&
           write_steps(w, (*id = fid), f);
}

static int compare_ids(const void *a, const void *b) {
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* When the unit was already analyzed in this same run, its findings that
 * this analysis did not report must not read as current: drop them. */
static bool drop_unreported(write_ctx *w, int64_t *written, int n) {
    if (w->prev_run != w->s->run_id)
        return true;
    qsort(written, (size_t)n, sizeof *written, compare_ids);
    sqlite3_stmt *st = db_query(w->s, w->err, w->errlen,
                                "SELECT id FROM findings WHERE tu_id = ? AND last_run = ?", "ii",
                                w->tu_id, w->s->run_id);
    VEC(int64_t) gone = {0};
    int rc;
    while (st && (rc = db_step(w->s, st, w->err, w->errlen)) == 1) {
        int64_t id = sqlite3_column_int64(st, 0);
        if (!bsearch(&id, written, (size_t)n, sizeof id, compare_ids))
            *VPUSH(gone) = id;
    }
    bool ok = st && rc == 0;
    for (int i = 0; ok && i < gone.n; i++)
        ok = db_exec(w->s, w->err, w->errlen, "DELETE FROM findings WHERE id = ?", "i",
                     gone.v[i]);
    free(gone.v);
    return ok;
}

/* Findings gone before the previous analysis are dropped; the ones gone at
 * this one keep their old last_run (they read as fixed). Every reported one
 * is upserted by fingerprint: an old one keeps its row and first_run. */
static bool write_findings(write_ctx *w) {
    if (w->prev_run &&
        !db_exec(w->s, w->err, w->errlen,
                 "DELETE FROM findings WHERE tu_id = ? AND last_run < ?", "ii", w->tu_id,
                 w->prev_run))
        return false;
    const char **fps = store_fingerprints(&w->t->a, &w->t->findings, w->t->fps.v);
    int n = w->t->findings.n;
    int64_t *written = ARENA_ARRAY(&w->t->a, int64_t, n + 1);
    for (int i = 0; i < n; i++)
        if (!write_finding(w, &w->t->findings.items[i], fps[i], &written[i]))
            return false;
    return drop_unreported(w, written, n);
}

static bool write_all(write_ctx *w, const file_info *infos, const uint64_t *combined) {
    store_tu *t = w->t;
    int64_t main_id;
    if (!w->s->run_id) {
        store_set_err(w->err, w->errlen, "%s: no run begun (store_begin_run) for %s",
                      w->s->path, t->file);
        return false;
    }
    if (!t->main.ok) {
        store_set_err(w->err, w->errlen, "%s: cannot record %s: the file cannot be read",
                      w->s->path, t->file);
        return false;
    }
    return db_begin(w->s, true, w->err, w->errlen) &&
           upsert_file(w, t->id.main_path, &t->main, &main_id) &&
           write_tu_row(w, main_id, combined) && write_includes(w, infos) &&
           write_code_facts(w) && write_findings(w) &&
           db_exec(w->s, w->err, w->errlen,
                   "UPDATE runs SET tus_analyzed = tus_analyzed + 1 WHERE id = ?", "i",
                   w->s->run_id);
}

bool store_end_tu(store_tu *t, int64_t *tu_id, char *err, size_t errlen) {
    store *s = t->s;
    file_info *infos;
    bool reusable = hash_includes(t, &infos);
    pthread_mutex_lock(&s->lock);
    uint64_t combined = store_combined_hash(s->config_hash, t->id.key_hash, t->main.hash,
                                            t->includes.v, infos, t->includes.n);
    write_ctx w = {.t = t, .s = s, .err = err, .errlen = errlen};
    bool ok = write_all(&w, infos, reusable ? &combined : NULL);
    if (ok && s->before_commit)
        s->before_commit(s, s->before_commit_ctx);
    ok = ok && db_commit(s, err, errlen);
    if (!ok)
        db_rollback(s);
    pthread_mutex_unlock(&s->lock);
    if (ok && tu_id)
        *tu_id = w.tu_id;
    free(infos);
    store_abandon_tu(t);
    return ok;
}
