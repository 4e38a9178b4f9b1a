/* summary.c: summaries across translation units (summary.h): the program
 * table, each unit's dependencies on it, one unit's inference pass, and the
 * passes to the fixpoint. Assumes the engine's contract precedence
 * (contract.c) and engine_infer's callers-after-callees order (fe_load). */
#include "summary.h"

#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ dependencies */

typedef struct dep {
    char *name;
    char *summary; /* NULL: none */
} dep;

struct summary_deps {
    dep *v;
    int n, cap;
    int *slots;    /* open addressing: index + 1, 0 empty */
    int nslots;
    bool sorted;
};

static unsigned hash_name(const char *s) {
    unsigned h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void *xmalloc(size_t n) {
    void *p = calloc(1, n ? n : 1);
    if (!p)
        abort();
    return p;
}

static char *xstrdup(const char *s) {
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        abort();
    return d;
}

summary_deps *summary_deps_new(void) {
    return xmalloc(sizeof(summary_deps));
}

void summary_deps_free(summary_deps *d) {
    if (!d)
        return;
    for (int i = 0; i < d->n; i++) {
        free(d->v[i].name);
        free(d->v[i].summary);
    }
    free(d->v);
    free(d->slots);
    free(d);
}

/* Slot of name, or the empty slot where it goes. */
static int probe(const summary_deps *d, const char *name) {
    unsigned mask = (unsigned)d->nslots - 1, i = hash_name(name) & mask;
    while (d->slots[i] && strcmp(d->v[d->slots[i] - 1].name, name) != 0)
        i = (i + 1) & mask;
    return (int)i;
}

static void rehash(summary_deps *d) {
    free(d->slots);
    d->nslots = d->nslots ? d->nslots * 2 : 64;
    d->slots = xmalloc(sizeof(int) * (size_t)d->nslots);
    for (int i = 0; i < d->n; i++)
        d->slots[probe(d, d->v[i].name)] = i + 1;
}

static bool known(const summary_deps *d, const char *name) {
    return d->nslots && d->slots[probe(d, name)];
}

/* Adds name (not yet known) taking ownership of summary. */
static void add(summary_deps *d, const char *name, char *summary) {
    if (2 * (d->n + 1) >= d->nslots)
        rehash(d);
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->v = realloc(d->v, sizeof *d->v * (size_t)d->cap);
        if (!d->v)
            abort();
    }
    d->v[d->n] = (dep){xstrdup(name), summary};
    d->slots[probe(d, name)] = d->n + 1;
    d->n++;
    d->sorted = false;
}

char *summary_text(const rule_fn *r) {
    if (!r)
        return NULL;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        abort();
    rules_format(r, m);
    fclose(m);
    return buf;
}

void summary_deps_note(void *ctx, const char *name, const rule_fn *used) {
    summary_deps *d = ctx;
    if (!known(d, name))
        add(d, name, summary_text(used));
}

void summary_deps_add_text(summary_deps *d, const char *name, const char *summary) {
    if (!known(d, name))
        add(d, name, xstrdup(summary));
}

int summary_deps_count(const summary_deps *d) {
    return d ? d->n : 0;
}

static int by_name(const void *a, const void *b) {
    return strcmp(((const dep *)a)->name, ((const dep *)b)->name);
}

void summary_deps_at(const summary_deps *d, int i, const char **name, const char **summary) {
    summary_deps *m = (summary_deps *)d; /* sorting does not change the set */
    if (!m->sorted) {
        qsort(m->v, (size_t)m->n, sizeof *m->v, by_name);
        for (int k = 0; k < m->nslots; k++)
            m->slots[k] = 0;
        for (int k = 0; k < m->n; k++)
            m->slots[probe(m, m->v[k].name)] = k + 1;
        m->sorted = true;
    }
    *name = d->v[i].name;
    *summary = d->v[i].summary;
}

int summary_deps_used(const summary_deps *d) {
    int n = 0;
    for (int i = 0; d && i < d->n; i++)
        n += d->v[i].summary != NULL;
    return n;
}

bool summary_deps_hold(const summary_deps *d, const rule_set *program) {
    for (int i = 0; d && i < d->n; i++) {
        char *now = summary_text(rules_lookup(program, d->v[i].name));
        bool same = (!now && !d->v[i].summary) ||
                    (now && d->v[i].summary && strcmp(now, d->v[i].summary) == 0);
        free(now);
        if (!same)
            return false;
    }
    return true;
}

/* ------------------------------------------------------------------ units */

void summary_unit_clear(summary_unit *u) {
    rules_free(u->own);
    rules_free(u->ext);
    summary_deps_free(u->deps);
    memset(u, 0, sizeof *u);
}

static void publish(rule_set *program, const rule_fn *r) {
    if (r && !rules_lookup(program, r->name))
        rules_add_copy(program, r, r->file ? r->file : "?");
}

/* A loaded unit not through its first pass yet offers what the
 * declarations say (annotation or convention): the guess that most summaries
 * keep, so few units need a second pass. */
static void publish_loaded(rule_set *p, const rule_set *rules, const summary_unit *u,
                           rule_set *scratch) {
    for (int k = 0; k < fe_unit_count(u->ir); k++) {
        const ir_function *fn = fe_unit_function(u->ir, k);
        if (fn->self.is_static)
            continue;
        publish(p, u->own ? rules_lookup(u->own, fn->name)
                          : engine_declared_summary(scratch, rules, fn));
    }
}

rule_set *summary_program(const summary_unit *units, int n, const rule_set *rules) {
    rule_set *p = rules_new(), *scratch = rules_new();
    for (int i = 0; i < n; i++) {
        const summary_unit *u = &units[i];
        if (u->ir)
            publish_loaded(p, rules, u, scratch);
        for (int k = 0; u->ext && k < rules_count(u->ext); k++)
            publish(p, rules_at(u->ext, k));
    }
    rules_free(scratch);
    return p;
}

static const char *tag_of(engine_contract_from from) {
    switch (from) {
    case CONTRACT_INFERENCE: return RULES_FROM_INFERRED;
    case CONTRACT_ANNOTATION: return RULES_FROM_ANNOTATION;
    default: return RULES_FROM_CONVENTION;
    }
}

rule_set *summary_pass(const summary_env *env, summary_unit *u, const rule_set *program) {
    summary_deps *deps = summary_deps_new();
    finding_list none;
    finding_list_init(&none);
    engine_options eo = {.max_steps = env->max_steps, .checks = env->checks, .notes = env->notes,
                         .program = program, .prior = u->own,
                         .on_external = summary_deps_note, .external_ctx = deps};
    engine_tu *tu = engine_tu_new(env->rules, &eo, &none);
    int n = fe_unit_count(u->ir);
    for (int k = 0; k < n; k++)
        engine_scan_calls(tu, fe_unit_function(u->ir, k));
    for (int k = 0; k < n; k++)
        engine_infer(tu, fe_unit_function(u->ir, k));
    rule_set *own = rules_new();
    for (int k = 0; k < n; k++) {
        engine_contract_from from;
        const rule_fn *r = engine_summary(tu, fe_unit_function(u->ir, k), &from);
        if (r && from != CONTRACT_RULE)
            rules_add_copy(own, r, tag_of(from));
    }
    u->unsettled = engine_tu_unsettled(tu);
    engine_tu_free(tu);
    finding_list_free(&none);
    rule_set *old = u->own;
    u->own = own;
    summary_deps_free(u->deps);
    u->deps = deps;
    return old;
}

/* ---------------------------------------------------------------- fixpoint */

static bool same_tables(const rule_set *a, const rule_set *b) {
    int n = a ? rules_count(a) : 0;
    if (n != (b ? rules_count(b) : 0))
        return false;
    for (int i = 0; i < n; i++) {
        const rule_fn *r = rules_at(a, i);
        if (!rules_same(r, rules_lookup(b, r->name)))
            return false;
    }
    return true;
}

typedef struct pass_ctx {
    const summary_env *env;
    summary_unit *units;
    const rule_set *program;
    rule_set **before;       /* per unit: its own table before this pass */
} pass_ctx;

static void run_one(void *arg, int i) {
    pass_ctx *pc = arg;
    summary_unit *u = &pc->units[i];
    if (u->ir && u->rerun)
        pc->before[i] = summary_pass(pc->env, u, pc->program);
}

rule_set *summary_fixpoint(const summary_env *env, summary_unit *units, int n,
                           summary_for_each for_each, void *ctx, int *passes) {
    rule_set *program = summary_program(units, n, env->rules);
    rule_set **before = xmalloc(sizeof *before * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        units[i].rerun = units[i].ir != NULL;
    int pass = 0;
    bool again = true;
    while (again && pass < SUMMARY_MAX_PASSES) {
        pass++;
        pass_ctx pc = {env, units, program, before};
        for_each(ctx, n, run_one, &pc);
        rule_set *next = summary_program(units, n, env->rules);
        again = false;
        for (int i = 0; i < n; i++) {
            summary_unit *u = &units[i];
            bool ran = u->ir && u->rerun;
            u->rerun = u->ir && ((ran && u->unsettled && !same_tables(before[i], u->own)) ||
                                 !summary_deps_hold(u->deps, next));
            again = again || u->rerun;
            if (ran)
                rules_free(before[i]);
            before[i] = NULL;
        }
        rules_free(program);
        program = next;
    }
    free(before);
    *passes = pass;
    return program;
}
