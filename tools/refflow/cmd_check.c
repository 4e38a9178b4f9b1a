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
#include "verify.h"

typedef struct tu_result {
    finding_list findings;
    fe_result fe;
    int skipped;
    bool analyzed;
    bool cut;              /* interrupted mid-unit: abandoned, not reported */
} tu_result;

typedef struct run_ctx {
    const check_options *opt;
    const rule_set *rules;
    job_list jobs;
    tu_result *results;
    int next;              /* next job to take */
    pthread_mutex_t lock;
    progress *progress;    /* "[i/n] file" on a terminal */
    baseline *baseline;    /* --baseline, loaded before the run */
    store *db;             /* NULL: no database (--no-db, --verify) */
    int reused;            /* units whose stored findings were reused */
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
    for (int i = 0; i < rules_count(rs); i++) {
        const rule_fn *r = rules_at(rs, i);
        rules_format(r, stdout);
        printf("    # %s:%d\n", r->file ? r->file : "?", r->line);
    }
}

typedef struct fn_sink {
    engine_tu *tu;
    bool dump_ir;
    pthread_mutex_t *lock;
    bool cut;              /* a function was left out: the run was interrupted */
} fn_sink;

static void on_function(ir_function *fn, void *ctx) {
    fn_sink *sink = ctx;
    if (sink->cut || interrupt_signal()) {
        sink->cut = true;
        return;
    }
    if (sink->dump_ir) {
        pthread_mutex_lock(sink->lock);
        ir_dump(fn, stdout);
        pthread_mutex_unlock(sink->lock);
    }
    engine_analyze(sink->tu, fn);
}

static void run_job(run_ctx *rc, int i) {
    const tu_job *j = &rc->jobs.items[i];
    tu_result *r = &rc->results[i];
    FILE *diag = progress_diag(rc->progress);
    progress_step(rc->progress, j->file);
    if (db_reuse(rc->db, j, &r->findings)) {
        r->analyzed = true;
        pthread_mutex_lock(&rc->lock);
        rc->reused++;
        pthread_mutex_unlock(&rc->lock);
        return;
    }
    db_unit unit;
    db_unit_begin(rc->db, j, &unit);
    engine_options eo = {.max_steps = rc->opt->max_steps, .checks = &rc->opt->checks,
                         .notes = diag, .hooks = unit.st ? &unit.hooks : NULL};
    typegraph types;
    tg_init(&types);
    eo.types = &types;
    engine_tu *tu = engine_tu_new(rc->rules, &eo, &r->findings);
    fe_options fo = {.file = j->file, .args = (const char *const *)j->args, .nargs = j->nargs,
                     .directory = j->directory, .rules = rc->rules, .diag = diag,
                     .keep_going = true, .callees_first = true, .types = &types};
    fn_sink sink = {tu, rc->opt->dump_ir, &rc->lock, false};
    r->analyzed = fe_run(&fo, on_function, &sink, &r->fe);
    if (sink.cut) { /* neither stored nor reported: the next run redoes it */
        r->analyzed = false;
        r->cut = true;
        finding_list_free(&r->findings);
        finding_list_init(&r->findings);
    } else if (!r->analyzed)
        fprintf(diag, "%s: error: cannot analyze: %s\n", j->file, r->fe.message);
    else
        check_cycle_untraced(&types, &rc->opt->checks, &r->findings);
    r->skipped = engine_tu_stats(tu)->skipped;
    engine_tu_free(tu);
    db_unit_types(&unit, &types);
    db_unit_end(&unit, &r->fe, &r->findings, r->analyzed, diag);
    tg_free(&types);
    fe_result_free(&r->fe);
}

static void *worker(void *arg) {
    run_ctx *rc = arg;
    for (;;) {
        pthread_mutex_lock(&rc->lock);
        int i = rc->next < rc->jobs.n && !interrupt_signal() ? rc->next++ : -1;
        pthread_mutex_unlock(&rc->lock);
        if (i < 0)
            return NULL;
        run_job(rc, i);
    }
}

static void run_all(run_ctx *rc, int jobs) {
    if (jobs > rc->jobs.n)
        jobs = rc->jobs.n;
    if (jobs <= 1) {
        worker(rc);
        return;
    }
    pthread_t t[jobs];
    int started = 0;
    for (; started < jobs; started++)
        if (pthread_create(&t[started], NULL, worker, rc) != 0)
            break;
    if (started == 0)
        worker(rc);
    for (int i = 0; i < started; i++)
        pthread_join(t[i], NULL);
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

/* --baseline is read before the run, so a bad one fails fast. */
static bool load_baseline(const check_options *o, baseline **out) {
    char err[1024];
    *out = o->baseline ? baseline_load(o->baseline, err, sizeof err) : NULL;
    if (o->baseline && !*out)
        fprintf(stderr, "refflow: error: %s\n", err);
    return !o->baseline || *out;
}

int cmd_check(int argc, char **argv) {
    check_options o;
    if (!check_args_parse(argc, argv, &o)) {
        check_args_free(&o);
        return EXIT_USAGE;
    }
    rule_set *rs = load_rules(&o);
    if (!rs || o.list_rules) {
        if (rs)
            list_rules(rs);
        rules_free(rs);
        check_args_free(&o);
        return rs ? EXIT_CLEAN : EXIT_USAGE;
    }
    run_ctx rc = {.opt = &o, .rules = rs};
    pthread_mutex_init(&rc.lock, NULL);
    int status = EXIT_USAGE;
    if (load_baseline(&o, &rc.baseline) && jobs_build(&o, &rc.jobs) &&
        db_begin_run(&o, rs, argc, argv, &rc.db)) {
        rc.results = calloc((size_t)rc.jobs.n + 1, sizeof(tu_result));
        rc.progress = progress_new(rc.jobs.n, !o.quiet);
        interrupt_install();
        run_all(&rc, o.jobs);
        interrupt_uninstall();
        progress_free(rc.progress); /* the line is gone before the report */
        status = finish(&rc);
        if (rc.db && !o.quiet)
            fprintf(stderr, "refflow: database %s: %d of %d unit%s unchanged and reused\n",
                    store_path(rc.db), rc.reused, rc.jobs.n, rc.jobs.n == 1 ? "" : "s");
        if (interrupt_signal())
            report_interrupted(&rc);
        db_end_run(rc.db, status);
        free(rc.results);
    }
    jobs_free(&rc.jobs);
    baseline_free(rc.baseline);
    pthread_mutex_destroy(&rc.lock);
    rules_free(rs);
    check_args_free(&o);
    return status;
}
