/* cmd_check.c: `refflow check`. Loads rules, runs every translation unit
 * through the front end and the engine (in parallel with -j, each worker on
 * its own units), then reports in the order the units were given, so the
 * output does not depend on scheduling. Interrupted (interrupt.h), it stops
 * taking units, abandons the one in flight at its next function, reports
 * what finished and exits with 128 + the signal. */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "baseline.h"
#include "db.h"
#include "cli.h"
#include "engine.h"
#include "frontend.h"
#include "interrupt.h"
#include "jobs.h"
#include "progress.h"
#include "rules.h"
#include "typegraph.h"
#include "summary.h"
#include "verify.h"

typedef struct tu_result {
    finding_list findings;
    fe_result fe;
    fe_unit *ir;           /* loaded: the unit's IR until it is checked */
    int64_t tu_id;         /* in the database */
    bool reuse;            /* unchanged: findings from the database */
    bool load_failed;
    typegraph types;       /* loaded: the unit's type graph, until it is checked */
    bool shown;            /* on the progress display */
    int skipped;
    int summaries_used;    /* calls resolved by other units' summaries (distinct names) */
    bool analyzed;
    bool cut;              /* interrupted mid-unit: abandoned, not reported */
} tu_result;

typedef struct run_ctx {
    const check_options *opt;
    const rule_set *rules;
    job_list jobs;
    tu_result *results;
    summary_unit *units;   /* per job: its summaries (summary.h) */
    rule_set *program;     /* every unit's extern summaries, final */
    int passes;            /* summary passes to the fixpoint */
    pthread_mutex_t lock;
    progress *progress;    /* "[i/n] file" on a terminal */
    baseline *baseline;    /* --baseline, loaded before the run */
    store *db;             /* NULL: no database (--no-db, --verify) */
    int reused;            /* units whose stored findings were reused */
    int invalidated;       /* unchanged units analyzed again: a summary they use changed */
    size_t ir_bytes;       /* IR held between the passes, all units */
} run_ctx;

static bool is_path(const char *s) {
    size_t n = strlen(s);
    return strchr(s, '/') || (n > 6 && strcmp(s + n - 6, ".rules") == 0);
}

rule_set *cli_load_rules(const char *const *names, int n) {
    rule_set *rs = rules_new();
    char err[512];
    bool ok = true;
    if (n == 0)
        for (const char *const *b = rules_builtin_names(); *b && ok; b++)
            ok = rules_load_builtin(rs, *b, err, sizeof err);
    for (int i = 0; i < n && ok; i++)
        ok = is_path(names[i]) ? rules_load_file(rs, names[i], err, sizeof err)
                               : rules_load_builtin(rs, names[i], err, sizeof err);
    if (!ok) {
        fprintf(stderr, "refflow: error: %s\n", err);
        rules_free(rs);
        return NULL;
    }
    return rs;
}

static rule_set *load_rules(const check_options *o) {
    return cli_load_rules(o->rules, o->nrules);
}

static void list_rules(const rule_set *rs) {
    rules_format_declarations(rs, stdout);
    for (int i = 0; i < rules_count(rs); i++) {
        const rule_fn *r = rules_at(rs, i);
        rules_format(r, stdout);
        printf("    # %s:%d\n", r->file ? r->file : "?", r->line);
    }
    rules_format_directives(rs, stdout);
}

/* ------------------------------------------------ running stages in parallel */

typedef struct stage {
    run_ctx *rc;
    int n, next;
    void (*fn)(void *, int);
    void *arg;
} stage;

static void *stage_worker(void *p) {
    stage *st = p;
    for (;;) {
        pthread_mutex_lock(&st->rc->lock);
        int i = st->next < st->n && !interrupt_signal() ? st->next++ : -1;
        pthread_mutex_unlock(&st->rc->lock);
        if (i < 0)
            return NULL;
        st->fn(st->arg, i);
    }
}

/* fn(arg, i) for every i < n, on up to -j threads (a summary_for_each). */
static void for_each(void *ctx, int n, void (*fn)(void *, int), void *arg) {
    run_ctx *rc = ctx;
    stage st = {rc, n, 0, fn, arg};
    int jobs = rc->opt->jobs < n ? rc->opt->jobs : n;
    if (jobs <= 1) {
        stage_worker(&st);
        return;
    }
    pthread_t t[jobs];
    int started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&t[started], NULL, stage_worker, &st) != 0)
            break;
    if (started == 0)
        stage_worker(&st);
    for (int i = 0; i < started; i++)
        pthread_join(t[i], NULL);
}

static void on_each(run_ctx *rc, void (*fn)(void *, int)) {
    for_each(rc, rc->jobs.n, fn, rc);
}

/* ---------------------------------------------------------------- stages */

/* Database: are the unit's files, arguments and configuration unchanged? */
static void find_unchanged(void *ctx, int i) {
    run_ctx *rc = ctx;
    tu_result *r = &rc->results[i];
    r->reuse = db_unchanged(rc->db, &rc->jobs.items[i], &r->tu_id);
}

/* Pass 1: parse and lower a unit that is not reused, keeping its IR. */
static void load(void *ctx, int i) {
    run_ctx *rc = ctx;
    const tu_job *j = &rc->jobs.items[i];
    tu_result *r = &rc->results[i];
    if (!r->shown) /* "[i/n] file", once per unit, reused ones too */
        progress_step(rc->progress, j->file);
    r->shown = true;
    if (r->reuse || r->ir || r->load_failed)
        return;
    FILE *diag = progress_diag(rc->progress);
    tg_init(&r->types);
    fe_options fo = {.file = j->file, .args = (const char *const *)j->args, .nargs = j->nargs,
                     .directory = j->directory, .rules = rc->rules, .diag = diag,
                     .keep_going = true, .callees_first = true, .types = &r->types};
    r->ir = fe_load(&fo, &r->fe);
    if (!r->ir)
        tg_free(&r->types);
    r->load_failed = !r->ir;
    pthread_mutex_lock(&rc->lock);
    rc->ir_bytes += fe_unit_bytes(r->ir);
    pthread_mutex_unlock(&rc->lock);
    if (!r->ir)
        fprintf(diag, "%s: error: cannot analyze: %s\n", j->file, r->fe.message);
    rc->units[i].ir = r->ir;
}

/* Reused units take part with what the database says of them. */
static void load_stored_summaries(run_ctx *rc) {
    FILE *diag = progress_diag(rc->progress);
    for (int i = 0; i < rc->jobs.n; i++) {
        tu_result *r = &rc->results[i];
        if (r->reuse && !rc->units[i].ext &&
            !db_load_unit(rc->db, r->tu_id, &rc->units[i], diag))
            r->reuse = false;
    }
}

/* An unchanged unit whose inputs from other units changed is analyzed. */
static int invalidate_reused(run_ctx *rc) {
    int n = 0;
    for (int i = 0; i < rc->jobs.n; i++)
        if (rc->results[i].reuse && !summary_deps_hold(rc->units[i].deps, rc->program)) {
            rc->results[i].reuse = false;
            summary_unit_clear(&rc->units[i]);
            n++;
        }
    return n;
}

/* Loads what must be analyzed and runs the summaries to their fixpoint;
 * again while reused units turn out to depend on changed summaries. */
static void learn_summaries(run_ctx *rc) {
    summary_env env = {rc->rules, rc->opt->max_steps, &rc->opt->checks,
                       progress_diag(rc->progress)};
    int moved;
    do {
        on_each(rc, load);
        load_stored_summaries(rc);
        rules_free(rc->program);
        rc->program = summary_fixpoint(&env, rc->units, rc->jobs.n, for_each, rc, &rc->passes);
        moved = invalidate_reused(rc);
        rc->invalidated += moved;
    } while (moved > 0 && !interrupt_signal());
}

/* Pass 2: checks a loaded unit with every summary, or reuses the stored
 * findings of an unchanged one. */
static void check(void *ctx, int i) {
    run_ctx *rc = ctx;
    const tu_job *j = &rc->jobs.items[i];
    tu_result *r = &rc->results[i];
    FILE *diag = progress_diag(rc->progress);
    if (r->reuse) {
        r->analyzed = db_reuse(rc->db, r->tu_id, &r->findings);
        r->summaries_used = summary_deps_used(rc->units[i].deps);
        pthread_mutex_lock(&rc->lock);
        rc->reused += r->analyzed;
        pthread_mutex_unlock(&rc->lock);
        if (!r->analyzed)
            fprintf(diag, "%s: error: its stored findings cannot be read\n", j->file);
        return;
    }
    if (!r->ir)
        return;
    db_unit unit;
    db_unit_begin(rc->db, j, &unit);
    summary_deps *deps = summary_deps_new();
    engine_options eo = {.max_steps = rc->opt->max_steps, .checks = &rc->opt->checks,
                         .notes = diag, .hooks = unit.st ? &unit.hooks : NULL,
                         .program = rc->program, .prior = rc->units[i].own, .no_infer = true,
                         .on_external = summary_deps_note, .external_ctx = deps,
                         .types = &r->types};
    engine_tu *tu = engine_tu_new(rc->rules, &eo, &r->findings);
    for (int k = 0; k < fe_unit_count(r->ir); k++) /* what callers show (engine_callsite.c) */
        engine_scan_calls(tu, fe_unit_function(r->ir, k));
    for (int k = 0; k < fe_unit_count(r->ir) && !r->cut; k++) {
        ir_function *fn = fe_unit_function(r->ir, k);
        if (interrupt_signal()) {
            r->cut = true; /* neither stored nor reported: the next run redoes it */
            break;
        }
        if (rc->opt->dump_ir) {
            pthread_mutex_lock(&rc->lock);
            ir_dump(fn, stdout);
            pthread_mutex_unlock(&rc->lock);
        }
        engine_analyze(tu, fn);
    }
    r->analyzed = !r->cut;
    if (r->cut) {
        finding_list_free(&r->findings);
        finding_list_init(&r->findings);
    }
    r->skipped = engine_tu_stats(tu)->skipped;
    r->summaries_used = summary_deps_used(deps);
    engine_tu_free(tu);
    if (r->analyzed)
        check_cycle_untraced(&r->types, &rc->opt->checks, &r->findings);
    db_unit_types(&unit, &r->types);
    db_unit_end(&unit, &r->fe, &r->findings, r->analyzed, deps, diag);
    tg_free(&r->types);
    summary_deps_free(deps);
    fe_result_free(&r->fe);
    fe_unit_free(r->ir);
    r->ir = rc->units[i].ir = NULL;
}

static void run_all(run_ctx *rc) {
    if (rc->db) { /* every unit's files as at one instant, each looked at once */
        store_unchanged_batch_begin(rc->db);
        on_each(rc, find_unchanged);
        store_unchanged_batch_end(rc->db);
    }
    learn_summaries(rc);
    on_each(rc, check);
}

/* Verifies each unit against its own file's expectations. */
static int verify_all(run_ctx *rc) {
    int bad = 0;
    for (int i = 0; i < rc->jobs.n; i++) {
        int n = verify_file(rc->jobs.items[i].file, &rc->results[i].findings, stdout);
        bad += n < 0 ? 1 : n;
    }
    printf("refflow --verify: %s (%d mismatch%s in %d file%s)\n", bad ? "FAILED" : "ok", bad,
           bad == 1 ? "" : "es", rc->jobs.n, rc->jobs.n == 1 ? "" : "s");
    return bad ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int write_report(const check_options *o, const ci_findings *cf) {
    FILE *out = o->output ? fopen(o->output, "w") : stdout;
    if (!out) {
        fprintf(stderr, "refflow: error: cannot write %s\n", o->output);
        return EXIT_USAGE;
    }
    if (o->format == FMT_JSON)
        report_json(out, &cf->shown);
    else if (o->format == FMT_SARIF)
        report_sarif(out, cf, o->list_suppressed);
    else
        report_text(out, &cf->shown);
    if (o->list_suppressed)
        suppress_print(o->format == FMT_TEXT ? out : stderr, cf->all, &cf->sup);
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "refflow: error: writing %s failed\n", o->output);
        return EXIT_USAGE;
    }
    return EXIT_CLEAN;
}

/* How much the units learned from each other. */
static void print_summaries(const run_ctx *rc) {
    int used = 0, units = 0;
    for (int i = 0; i < rc->jobs.n; i++) {
        used += rc->results[i].summaries_used;
        units += rc->results[i].summaries_used > 0;
    }
    fprintf(stderr, "refflow: summaries across files: %d extern function%s, %d use%s in %d "
            "unit%s, %d pass%s (IR kept between passes: %.1f MB)\n", rules_count(rc->program),
            rules_count(rc->program) == 1 ? "" : "s", used, used == 1 ? "" : "s", units,
            units == 1 ? "" : "s", rc->passes, rc->passes == 1 ? "" : "es",
            (double)rc->ir_bytes / 1e6);
}

static int finish(run_ctx *rc) {
    const check_options *o = rc->opt;
    finding_list all;
    finding_list_init(&all);
    int analyzed = 0, skipped = 0;
    for (int i = 0; i < rc->jobs.n; i++) {
        analyzed += rc->results[i].analyzed;
        skipped += rc->results[i].skipped;
    }
    int status = o->verify ? verify_all(rc) : EXIT_CLEAN;
    for (int i = 0; i < rc->jobs.n; i++)
        finding_list_merge(&all, &rc->results[i].findings);
    finding_list_sort(&all);
    ci_findings cf = {0};
    if (!o->verify) { /* fingerprints, suppressions, baseline: see baseline.h */
        status = ci_filter(o, rc->baseline, &all, stderr, &cf) ? write_report(o, &cf) : EXIT_USAGE;
        if (status == EXIT_CLEAN && cf.shown.n && !o->write_baseline)
            status = EXIT_FINDINGS;
    }
    if (!o->quiet && o->verify)
        report_summary(stderr, &all, rc->jobs.n, skipped);
    else if (!o->quiet)
        ci_summary(stderr, &cf, rc->jobs.n, skipped);
    if (!o->quiet && rc->jobs.n > 1)
        print_summaries(rc);
    if (analyzed == 0)
        status = EXIT_USAGE;
    if (interrupt_signal())
        status = interrupt_exit_status();
    ci_findings_free(&cf);
    finding_list_free(&all);
    return status;
}

/* What an interrupted run finished; the units in flight were abandoned. */
static void report_interrupted(const run_ctx *rc) {
    int done = 0;
    for (int i = 0; i < rc->jobs.n; i++)
        done += rc->results[i].analyzed;
    fprintf(stderr, "refflow: interrupted (%s): %d of %d file%s analyzed; %s\n",
            interrupt_signal() == SIGTERM ? "SIGTERM" : "SIGINT", done, rc->jobs.n,
            rc->jobs.n == 1 ? "" : "s",
            rc->db ? "the database holds them; re-run to continue" : "re-run to continue");
}

/* Units loaded but never checked (an interrupted run). */
static void free_unchecked(run_ctx *rc) {
    for (int i = 0; i < rc->jobs.n; i++) {
        tu_result *r = &rc->results[i];
        if (!r->ir)
            continue;
        tg_free(&r->types);
        fe_result_free(&r->fe);
        fe_unit_free(r->ir);
        r->ir = rc->units[i].ir = NULL;
    }
}

/* --baseline is read before the run, so a bad one fails fast. */
static bool load_baseline(const check_options *o, baseline **out) {
    char err[1024];
    *out = o->baseline ? baseline_load(o->baseline, err, sizeof err) : NULL;
    if (o->baseline && !*out)
        fprintf(stderr, "refflow: error: %s\n", err);
    return !o->baseline || *out;
}

/* One malloc arena for all threads (glibc): every unit's IR is kept between
 * the passes, and with an arena per parsing thread it sat among the freed
 * remains of libclang's parses in several heaps, none of which could
 * shrink. On CPython's 130 files at -j2 the peak went from 326-372 MB to
 * 284-302 MB over five runs, CPU time the same within the noise (each
 * thread's tcache takes most small requests without the lock). */
static void one_malloc_arena(void) {
#ifdef __GLIBC__
    mallopt(M_ARENA_MAX, 1);
#endif
}

int cmd_check(int argc, char **argv) {
    check_options o;
    if (!check_args_parse(argc, argv, &o) || o.help) {
        if (o.help)
            check_usage(stdout);
        check_args_free(&o);
        return o.help ? EXIT_CLEAN : EXIT_USAGE;
    }
    rule_set *rs = load_rules(&o);
    if (!rs || o.list_rules) {
        if (rs)
            list_rules(rs);
        rules_free(rs);
        check_args_free(&o);
        return rs ? EXIT_CLEAN : EXIT_USAGE;
    }
    one_malloc_arena();
    run_ctx rc = {.opt = &o, .rules = rs};
    pthread_mutex_init(&rc.lock, NULL);
    int status = EXIT_USAGE;
    if (load_baseline(&o, &rc.baseline) && jobs_build(&o, &rc.jobs) &&
        db_begin_run(&o, rs, argc, argv, &rc.db)) {
        rc.results = calloc((size_t)rc.jobs.n + 1, sizeof(tu_result));
        rc.units = calloc((size_t)rc.jobs.n + 1, sizeof(summary_unit));
        rc.progress = progress_new(rc.jobs.n, !o.quiet);
        interrupt_install();
        run_all(&rc);
        interrupt_uninstall();
        free_unchecked(&rc);
        progress_free(rc.progress); /* the line is gone before the report */
        status = finish(&rc);
        if (rc.db && !o.quiet)
            fprintf(stderr, "refflow: database %s: %d of %d unit%s unchanged and reused; "
                    "%d analyzed (%d of them unchanged but using a changed summary)\n",
                    store_path(rc.db), rc.reused, rc.jobs.n, rc.jobs.n == 1 ? "" : "s",
                    rc.jobs.n - rc.reused, rc.invalidated);
        if (interrupt_signal())
            report_interrupted(&rc);
        db_end_run(rc.db, status);
        for (int i = 0; i < rc.jobs.n; i++)
            summary_unit_clear(&rc.units[i]);
        free(rc.units);
        rules_free(rc.program);
        free(rc.results);
    }
    jobs_free(&rc.jobs);
    baseline_free(rc.baseline);
    pthread_mutex_destroy(&rc.lock);
    rules_free(rs);
    check_args_free(&o);
    return status;
}
