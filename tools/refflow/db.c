/* db.c: the database side of `refflow check` (see db.h). Fingerprints are
 * the same as SARIF's and baselines' (analyzer/fingerprint.h). */
#include "db.h"

#include <stdlib.h>
#include <string.h>

#include "fingerprint.h"

static char *joined_command(int argc, char **argv) {
    size_t n = 16;
    for (int i = 0; i < argc; i++)
        n += strlen(argv[i]) + 1;
    char *s = calloc(1, n);
    if (!s)
        return NULL;
    strcat(s, "refflow check");
    for (int i = 0; i < argc; i++) {
        strcat(s, " ");
        strcat(s, argv[i]);
    }
    return s;
}

/* Everything besides the sources that changes findings. */
static char *run_config(const check_options *o, const rule_set *rs) {
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    fprintf(m, "refflow %s\nmax-paths %d\nchecks", REFFLOW_VERSION, o->max_steps);
    for (int i = 0; i < checks_count(); i++)
        fprintf(m, " %s=%d", checks_at(i)->id, check_set_has(&o->checks, checks_at(i)->id));
    fputc('\n', m);
    rules_format_set(rs, m);
    fclose(m);
    return buf;
}

bool db_begin_run(const check_options *o, const rule_set *rs, int argc, char **argv,
                  store **out) {
    *out = NULL;
    if (o->no_db || o->verify)
        return true;
    char err[1024];
    const char *path = o->db ? o->db : "refflow.db";
    store *db = store_open(path, NULL, err, sizeof err);
    if (!db) {
        fprintf(stderr, "refflow: error: %s\n", err);
        return false;
    }
    char *cmd = joined_command(argc, argv), *config = run_config(o, rs);
    store_run_info info = {cmd, "refflow " REFFLOW_VERSION, config};
    int64_t run_id;
    bool ok = store_begin_run(db, &info, &run_id, err, sizeof err);
    free(cmd);
    free(config);
    if (!ok) {
        fprintf(stderr, "refflow: error: %s\n", err);
        store_close(db);
        return false;
    }
    *out = db;
    return true;
}

void db_end_run(store *db, int status) {
    if (!db)
        return;
    char err[1024];
    if (!store_end_run(db, status, err, sizeof err))
        fprintf(stderr, "refflow: warning: %s\n", err);
    store_close(db);
}

static store_tu_key key_of(const tu_job *j) {
    return (store_tu_key){j->file, j->directory, (const char *const *)j->args, j->nargs};
}

bool db_unchanged(store *db, const tu_job *j, int64_t *tu_id) {
    if (!db)
        return false;
    store_tu_key key = key_of(j);
    char err[1024];
    return store_tu_unchanged(db, &key, tu_id, err, sizeof err);
}

static void add_dep(void *ctx, const char *name, const char *summary) {
    summary_deps_add_text(ctx, name, summary);
}

bool db_load_unit(store *db, int64_t tu_id, summary_unit *u, FILE *diag) {
    char err[1024];
    u->ext = rules_new();
    u->deps = summary_deps_new();
    if (store_load_summaries(db, tu_id, u->ext, err, sizeof err) >= 0 &&
        store_load_dependencies(db, tu_id, add_dep, u->deps, err, sizeof err))
        return true;
    fprintf(diag, "refflow: warning: %s; the unit is analyzed again\n", err);
    summary_unit_clear(u);
    return false;
}

bool db_reuse(store *db, int64_t tu_id, finding_list *out) {
    char err[1024];
    return store_reuse_tu(db, tu_id, out, err, sizeof err);
}

static store_summary_from summary_from(engine_contract_from f) {
    switch (f) {
    case CONTRACT_RULE: return STORE_SUMMARY_RULE;
    case CONTRACT_ANNOTATION: return STORE_SUMMARY_ANNOTATION;
    case CONTRACT_CONVENTION: return STORE_SUMMARY_CONVENTION;
    case CONTRACT_INFERENCE: return STORE_SUMMARY_INFERENCE;
    default: return STORE_SUMMARY_NONE;
    }
}

static void put_call_edges(db_unit *u, const ir_function *fn) {
    for (int b = 0; b < fn->nblocks; b++)
        for (int i = 0; i < fn->blocks[b].ninstrs; i++) {
            const ir_instr *in = &fn->blocks[b].instrs[i];
            /* a call through a slot (Py_TYPE(op)->tp_free) calls no named function */
            if (in->kind == IR_CALL && in->callee.name && !in->callee.slot)
                store_put_call_edge(u->st, u->fn, in->callee.name, in->loc);
        }
}

static void on_function(void *ctx, const ir_function *fn, const rule_fn *contract,
                        engine_contract_from from) {
    db_unit *u = ctx;
    store_function f = {fn->name, fn->loc, contract,
                        contract ? summary_from(from) : STORE_SUMMARY_NONE, fn->self.is_static};
    u->fn = store_put_function(u->st, &f);
    put_call_edges(u, fn);
}

static store_ref_kind ref_kind(int origin) {
    switch (origin) {
    case OR_NEW: return STORE_REF_NEW;
    case OR_BORROWED: return STORE_REF_BORROWED;
    case OR_PARAM: return STORE_REF_PARAM;
    case OR_FIELD: return STORE_REF_FIELD;
    case OR_GLOBAL:
    case OR_GLOBAL_VAR: return STORE_REF_GLOBAL;
    default: return STORE_REF_UNKNOWN;
    }
}

static void on_site(void *ctx, const ir_function *fn, const engine_site *e) {
    db_unit *u = ctx;
    static const store_site_kind kinds[] = {
        [ENGINE_SITE_ACQUIRE] = STORE_SITE_ACQUIRE, [ENGINE_SITE_INCREF] = STORE_SITE_INCREF,
        [ENGINE_SITE_DECREF] = STORE_SITE_DECREF,   [ENGINE_SITE_STEAL] = STORE_SITE_STEAL,
        [ENGINE_SITE_STORE] = STORE_SITE_STORE,     [ENGINE_SITE_RETURN] = STORE_SITE_RETURN,
    };
    store_site s = {kinds[e->kind], e->loc, e->callee, e->arg, e->symbol, e->origin_call,
                    ref_kind(e->origin)};
    store_put_site(u->st, u->fn, &s);
    (void)fn;
}

void db_unit_begin(store *db, const tu_job *j, db_unit *u) {
    memset(u, 0, sizeof *u);
    if (!db)
        return;
    store_tu_key key = key_of(j);
    u->st = store_begin_tu(db, &key);
    u->hooks = (engine_hooks){u, on_function, on_site};
}

static bool stored_type(const tg_type *t) {
    return t->in_main_file || (t->type_object && t->type_object_in_main);
}

static void put_edges(db_unit *u, const tg_type *t) {
    static const store_visit visits[] = {[TG_VISIT_UNKNOWN] = STORE_VISIT_UNKNOWN,
                                         [TG_VISIT_NO] = STORE_VISIT_NO,
                                         [TG_VISIT_YES] = STORE_VISIT_YES};
    static const store_edge_kind kinds[] = {[TG_EDGE_TYPED] = STORE_EDGE_TYPE,
                                            [TG_EDGE_ANY] = STORE_EDGE_ANY,
                                            [TG_EDGE_CONTAINER] = STORE_EDGE_CONTAINER};
    for (int f = 0; f < t->nfields; f++) {
        const tg_field *fl = &t->fields[f];
        store_type_edge e = {.struct_type = t->name, .field = fl->name, .target_type = fl->target,
                             .owned = fl->owned, .loc = fl->loc, .kind = kinds[fl->kind],
                             .why_borrowed = fl->why_borrowed, .visited = visits[fl->visited],
                             .on_cycle = fl->on_cycle};
        store_put_type_edge(u->st, &e);
    }
}

void db_unit_types(db_unit *u, const typegraph *g) {
    if (!u->st)
        return;
    for (int i = 0; i < g->n; i++) {
        const tg_type *t = &g->types[i];
        if (!stored_type(t))
            continue;
        store_type st = {.name = t->name, .loc = t->loc, .flavor = tg_flavor_name(t->flavor),
                         .type_object = t->type_object, .gc_tracked = t->gc || t->inherits,
                         .traverse = t->traverse, .traced = t->traced,
                         .why_untraced = t->why_untraced, .on_cycle = t->on_cycle};
        store_put_type(u->st, &st);
        put_edges(u, t);
    }
}

static void put_findings(db_unit *u, finding_list *l) {
    finding_list_sort(l);
    uint64_t *fps = calloc((size_t)l->n + 1, sizeof *fps);
    char (*text)[17] = calloc((size_t)l->n + 1, sizeof *text);
    const char **ptrs = calloc((size_t)l->n + 1, sizeof *ptrs);
    fp_sources *src = fp_sources_new();
    if (fps && text && ptrs && src) {
        fp_compute(l, src, NULL, fps);
        for (int i = 0; i < l->n; i++)
            ptrs[i] = fp_format(fps[i], text[i]);
    }
    store_put_findings(u->st, l, ptrs && src ? ptrs : NULL);
    fp_sources_free(src);
    free(fps);
    free(text);
    free(ptrs);
}

void db_unit_end(db_unit *u, const fe_result *fe, finding_list *findings, bool analyzed,
                 const summary_deps *deps, FILE *diag) {
    if (!u->st)
        return;
    if (!analyzed) {
        store_abandon_tu(u->st);
        return;
    }
    /* A unit that did not parse cleanly is stored but never reused, so its
     * warnings are shown again on the next run. */
    if (fe->errors == 0)
        store_set_includes(u->st, (const char *const *)fe->includes, fe->nincludes);
    for (int i = 0; i < summary_deps_count(deps); i++) {
        const char *name, *summary;
        summary_deps_at(deps, i, &name, &summary);
        store_put_dependency(u->st, name, summary);
    }
    put_findings(u, findings);
    char err[1024];
    if (!store_end_tu(u->st, NULL, err, sizeof err))
        fprintf(diag, "refflow: warning: not recorded in the database: %s\n", err);
}
