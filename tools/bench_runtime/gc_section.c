/* gc_section.c: tables 2 (collector per shape), 3 (generational) and 4 (automatic GC).
 *
 * Each cell is the minimum of cfg->gc_repeats runs. Measurements of an implementation
 * marked `isolate` run in a forked child with an alarm, so a crash or a hang of the runtime
 * under test is reported in its cell instead of ending the benchmark.
 */
#include "bench.h"
#include "gc_impl.h"
#include "report.h"

#include <malloc.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILD_TIMEOUT_S 300

enum { JOB_SHAPE, JOB_YOUNG, JOB_BUILD };

typedef struct gc_job {
    int kind, arg;   /* arg: shape, or auto_gc */
    size_t n, n2;
} gc_job;

typedef struct gc_result {
    int rc;          /* 0 ok, -1 unsupported, -2 child died */
    int signal;
    uint64_t ns;
    long freed;
    char note[200];  /* bench_gc_note after the run */
} gc_result;

char bench_gc_note[200];

static gc_result run_job(const bench_gc_impl *impl, const gc_job *j)
{
    gc_result r = { -1, 0, 0, -1, "" };
    bench_gc_note[0] = 0;
    if (impl->why_missing)
        return r;
    if (j->kind == JOB_SHAPE)
        r.rc = impl->collect_shape(j->arg, j->n, &r.ns, &r.freed);
    else if (j->kind == JOB_YOUNG)
        r.rc = impl->young(j->n, j->n2, &r.ns, &r.freed);
    else
        r.rc = impl->build_live(j->n, j->arg, &r.ns);
    snprintf(r.note, sizeof r.note, "%s", bench_gc_note);
    return r;
}

static gc_result run_isolated(const bench_gc_impl *impl, const gc_job *j)
{
    gc_result r = { -2, 0, 0, -1, "" };
    int fd[2], status;
    pid_t pid;
    fflush(stdout);
    if (pipe(fd) != 0 || (pid = fork()) < 0)
        return r;
    if (pid == 0) {
        close(fd[0]);
        alarm(CHILD_TIMEOUT_S);
        r = run_job(impl, j);
        _exit(write(fd[1], &r, sizeof r) == sizeof r ? 0 : 1);
    }
    close(fd[1]);
    if (read(fd[0], &r, sizeof r) != sizeof r)
        r.rc = -2;
    close(fd[0]);
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        r.rc = -2, r.signal = WTERMSIG(status);
    return r;
}

/* Minimum ns over the repeats; *last gets the last run's result (freed count, failure). */
static double measure(const bench_gc_impl *impl, const gc_job *j, int reps, gc_result *last)
{
    double best = NAN;
    for (int i = 0; i < reps; i++) {
        *last = impl->isolate ? run_isolated(impl, j) : run_job(impl, j);
        if (last->rc != 0)
            return NAN;
        if (isnan(best) || (double)last->ns < best)
            best = (double)last->ns;
    }
    return best;
}

static const char *failure(const gc_result *r, char *buf)
{
    if (r->rc == -2)
        snprintf(buf, 64, "CRASHED/TIMED OUT (signal %d: %s)", r->signal, strsignal(r->signal));
    else
        snprintf(buf, 64, "unsupported");
    return buf;
}

/* ---- table 2 ---- */

static const char *const shape_name[SHAPE_COUNT] = {
    "(a) garbage 2-cycles", "(b) one garbage ring", "(c) live, nothing garbage" };

static void shape_row(int shape, const bench_gc_impl *rf, const bench_gc_impl *py,
                      const bench_config *cfg)
{
    gc_job j = { JOB_SHAPE, shape, cfg->gc_n, 0 };
    gc_result rr, pr;
    char b1[32], b2[32], b3[32], why[64], what[96];
    long expect = shape == SHAPE_LIVE ? 0 : (long)cfg->gc_n;
    double r = measure(rf, &j, cfg->gc_repeats, &rr) / (double)cfg->gc_n;
    double p = measure(py, &j, cfg->gc_repeats, &pr) / (double)cfg->gc_n;
    printf("  %-27s %s %s %s %10ld %10ld", shape_name[shape], report_ns(b1, 10, r),
           report_ns(b2, 10, p), report_ratio(b3, 11, r, p), rr.freed, pr.freed);
    if (!rf->why_missing && rr.rc != 0)
        printf("  refflow: %s", failure(&rr, why));
    else if (!rf->why_missing && rr.freed != expect)
        printf("  refflow freed %ld, expected %ld!", rr.freed, expect);
    printf("\n");
    fflush(stdout);
    snprintf(what, sizeof what, "collector <= 0.5x CPython per object, %s", shape_name[shape] + 4);
    report_target(what, "rf/CPython", r / p, 0.5);
}

void bench_gc_section(const bench_config *cfg)
{
    const bench_gc_impl *rf = bench_gc_rf(), *py = bench_gc_cpython();
    printf("\n== 2. Collector: ns per object for one full collection, N = %zu objects, "
           "lower is better ==\n", cfg->gc_n);
    printf("  objects   refflow: %s; CPython: %s\n", rf->object_desc, py->object_desc);
    printf("  method    shape built untimed, then one full collection timed; (a) is N/2 pairs; "
           "(c) is N-1 lists in one container\n");
    if (rf->why_missing)
        printf("  MISSING   refflow: %s\n", rf->why_missing);
    printf("  %-27s %10s %10s %11s %10s %10s\n", "shape", "refflow", "CPython", "rf/CPython",
           "freed rf", "freed Py");
    for (int s = 0; s < SHAPE_COUNT; s++)
        shape_row(s, rf, py, cfg);
}

/* ---- table 3 ---- */

static void young_cells(const bench_gc_impl *impl, const bench_config *cfg, double ns[2])
{
    size_t olds[2] = { 0, cfg->gc_n };
    for (int i = 0; i < 2; i++) {
        gc_job j = { JOB_YOUNG, 0, olds[i], cfg->young_n };
        gc_result res;
        char why[64];
        ns[i] = measure(impl, &j, cfg->gc_repeats, &res);
        if (!impl->why_missing && res.rc != 0)
            printf("  %s young collection with %zu old: %s\n", impl->name, olds[i],
                   failure(&res, why));
        else if (res.note[0])
            printf("  info      %s\n", res.note);
    }
}

void bench_gen_section(const bench_config *cfg)
{
    const bench_gc_impl *rf = bench_gc_rf(), *py = bench_gc_cpython();
    double r[2], p[2];
    char b1[32], b2[32], b3[32], b4[32];
    printf("\n== 3. Generational: one young collection (%zu young garbage objects in 2-cycles), "
           "ns per collection ==\n", cfg->young_n);
    printf("  method    old objects = live lists that survived a full collection; "
           "CPython: gc.collect(0)\n");
    young_cells(rf, cfg, r);
    young_cells(py, cfg, p);
    printf("  %-27s %12s %12s\n", "old objects", "refflow", "CPython");
    printf("  %-27s %s %s\n", "0", report_ns(b1, 12, r[0]), report_ns(b2, 12, p[0]));
    printf("  %-27zu %s %s\n", cfg->gc_n, report_ns(b1, 12, r[1]), report_ns(b2, 12, p[1]));
    printf("  %-27s %s %s\n", "ratio (N old / 0 old)", report_ratio(b3, 12, r[1], r[0]),
           report_ratio(b4, 12, p[1], p[0]));
    report_target("young collection independent of old count",
                  "rf ratio N old / 0 old", r[1] / r[0], 1.25);
}

/* ---- table 4 ---- */

/* GC off and GC on are measured alternately (off, on, off, on, ...; twice the usual repeats)
 * and each keeps its minimum: on this shared machine a burst of other work during one cell's
 * runs would otherwise land on one side of the ratio only. */
static void auto_cells(const bench_gc_impl *impl, const bench_config *cfg, double ns[2])
{
    gc_result res[2];
    ns[0] = ns[1] = NAN;
    for (int rep = 0; rep < 2 * cfg->gc_repeats; rep++) {
        for (int on = 0; on < 2; on++) {
            gc_job j = { JOB_BUILD, on, cfg->gc_n, 0 };
            double t = measure(impl, &j, 1, &res[on]) / (double)cfg->gc_n;
            if (res[on].rc != 0)
                break;
            if (isnan(ns[on]) || t < ns[on])
                ns[on] = t;
        }
    }
    for (int on = 0; on < 2; on++) {
        char why[64];
        if (!impl->why_missing && res[on].rc != 0)
            printf("  %s build with GC %s: %s\n", impl->name, on ? "on" : "off",
                   failure(&res[on], why));
        else if (res[on].note[0])
            printf("  info      %s\n", res[on].note);
    }
}

/* The container's item array (8 MB for 1M items) comes from malloc. Whether glibc gives it
 * mmap'ed (fresh pages: ~2000 page faults, ~35 ns per object built, in both cells) or from
 * its warm heap depends on its dynamic mmap threshold, which earlier sections of the same
 * run raise: alone (--only auto) the baseline was 4x a complete run's, and the overhead
 * ratio 4x smaller. Fixed thresholds make both cells warm whatever ran before, so the
 * ratio compares the collector with the cost of allocating the objects, not with the
 * kernel zeroing pages. */
static void pin_malloc_thresholds(void)
{
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

void bench_auto_section(const bench_config *cfg)
{
    const bench_gc_impl *rf = bench_gc_rf(), *py = bench_gc_cpython();
    double r[2], p[2];
    char b1[32], b2[32];
    pin_malloc_thresholds();
    printf("\n== 4. Automatic collection overhead: building %zu live tracked lists in one "
           "container, ns per object ==\n", cfg->gc_n);
    auto_cells(rf, cfg, r);
    auto_cells(py, cfg, p);
    printf("  %-27s %12s %12s\n", "", "refflow", "CPython");
    printf("  %-27s %s %s\n", "automatic GC disabled", report_ns(b1, 12, r[0]),
           report_ns(b2, 12, p[0]));
    printf("  %-27s %s %s\n", "automatic GC enabled", report_ns(b1, 12, r[1]),
           report_ns(b2, 12, p[1]));
    printf("  %-27s %12.2f %12.2f\n", "overhead (on-off)/off", (r[1] - r[0]) / r[0],
           (p[1] - p[0]) / p[0]);
    printf("  method    each build follows an untimed build + teardown of the same size (warm heap);\n"
           "            off and on alternate, %d runs each, minimum kept;\n", 2 * cfg->gc_repeats);
    printf("            glibc's mmap/trim thresholds pinned (32/256 MiB), so the container's array is warm too\n");
    printf("  note      CPython builds in Python code (interpreter cost included), so only its "
           "overhead fraction compares\n");
    report_target("automatic GC overhead < 1.0x allocation cost", "rf (on-off)/off",
                  (r[1] - r[0]) / r[0], 1.0);
}
