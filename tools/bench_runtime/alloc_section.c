/* alloc_section.c: table 1, the allocator comparison.
 *
 * For each pattern, one row per request size (16..512 and the mixed pattern) and one
 * column per allocator, ns per alloc+free pair, minimum over its runs, then the geometric
 * mean over the rows and the targets. An allocator's runs of one cell go back to back in a
 * block (steady state: memory it kept from its previous run may be reused, as in a program
 * that allocates in waves); the first run of a block is the cold one and the minimum drops
 * it. Each cell is measured in PASSES rounds of one block per allocator (ceil(repeats /
 * PASSES) runs each), so a burst of other work on a shared machine that covers one
 * allocator's block does not decide the cell: every allocator gets a second block later.
 * Assumes bench_alloc_backends() can be called once (it prints where each allocator is from).
 */
#include "alloc_patterns.h"
#include "report.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define N_ROWS 7
#define PASSES 2
static const size_t row_size[N_ROWS] = { 16, 32, 64, 128, 256, 512, 0 /* mixed */ };

typedef double row_ns[BENCH_N_ALLOCATORS];

/* Minor page faults and runs per allocator, over one pattern's table. */
typedef struct fault_count {
    long faults[BENCH_N_ALLOCATORS];
    long runs[BENCH_N_ALLOCATORS];
} fault_count;

static long minor_faults(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_minflt;
}

/* One run, counting the page faults it took into fc. */
static double counted_run(int pattern, int a, const bench_allocator *all, const size_table *t,
                          void **ptrs, const bench_config *cfg, fault_count *fc)
{
    long f0 = minor_faults();
    double ns = pattern_run(pattern, a, all, t, ptrs, cfg);
    fc->faults[a] += minor_faults() - f0;
    fc->runs[a]++;
    return ns;
}

static void measure_row(int pattern, size_t size, const bench_allocator *all, void **ptrs,
                        const bench_config *cfg, row_ns out, fault_count *fc)
{
    static size_table table;
    double runs[BENCH_N_ALLOCATORS][16];
    int reps = pattern >= PATTERN_BATCH_FIFO ? cfg->repeats : cfg->lifo_repeats;
    int per = (reps + PASSES - 1) / PASSES; /* runs per block */
    per = per > 16 / PASSES ? 16 / PASSES : per;
    size_table_fill(&table, size);
    for (int pass = 0; pass < PASSES; pass++)
        for (int a = 0; a < BENCH_N_ALLOCATORS; a++)
            for (int r = 0; r < per; r++)
                runs[a][pass * per + r] =
                    all[a].alloc ? counted_run(pattern, a, all, &table, ptrs, cfg, fc) : NAN;
    for (int a = 0; a < BENCH_N_ALLOCATORS; a++)
        out[a] = bench_min(runs[a], per * PASSES);
}

static void print_head(int pattern, const bench_allocator *all, const bench_config *cfg)
{
    printf("\n-- pattern: %s", pattern_name(pattern));
    if (pattern >= PATTERN_BATCH_FIFO)
        printf(", N = %zu", cfg->batch_n);
    printf(" --\n  %-8s", "size");
    for (int a = 0; a < BENCH_N_ALLOCATORS; a++)
        printf(" %10s", all[a].name);
    printf(" %12s %10s %12s\n", "rf/mimalloc", "rf/glibc", "rf/pymalloc");
}

static void print_row(const char *label, const row_ns ns)
{
    char b[32];
    printf("  %-8s", label);
    for (int a = 0; a < BENCH_N_ALLOCATORS; a++)
        printf(" %s", report_ns(b, 10, ns[a]));
    printf(" %s", report_ratio(b, 12, ns[BENCH_RF], ns[BENCH_MIMALLOC]));
    printf(" %s", report_ratio(b, 10, ns[BENCH_RF], ns[BENCH_GLIBC]));
    printf(" %s\n", report_ratio(b, 12, ns[BENCH_RF], ns[BENCH_PYMALLOC]));
}

static void geomean_row(row_ns rows[N_ROWS], row_ns out)
{
    for (int a = 0; a < BENCH_N_ALLOCATORS; a++) {
        double v[N_ROWS];
        for (int r = 0; r < N_ROWS; r++)
            v[r] = rows[r][a];
        out[a] = bench_geomean(v, N_ROWS);
    }
}

static double worst_ratio(row_ns rows[N_ROWS], int num, int den)
{
    double w = NAN;
    for (int r = 0; r < N_ROWS; r++) {
        double q = rows[r][num] / rows[r][den];
        if (!isnan(q) && (isnan(w) || q > w))
            w = q;
    }
    return w;
}

static void pattern_targets(int pattern, row_ns rows[N_ROWS], const row_ns gm)
{
    char what[120];
    snprintf(what, sizeof what, "allocator <= mimalloc, %s", pattern_short_name(pattern));
    report_target(what, "geomean rf/mimalloc", gm[BENCH_RF] / gm[BENCH_MIMALLOC], 1.0);
    snprintf(what, sizeof what, "allocator >= 2x faster than glibc, %s", pattern_short_name(pattern));
    report_target(what, "geomean rf/glibc", gm[BENCH_RF] / gm[BENCH_GLIBC], 0.5);
    if (pattern == PATTERN_BATCH_RANDOM)
        report_target("allocator, batch random: within 1.2x of mimalloc, every size",
                      "worst size rf/mimalloc", worst_ratio(rows, BENCH_RF, BENCH_MIMALLOC), 1.2);
}

static void print_faults(int pattern, const fault_count *fc, const bench_config *cfg)
{
    double pairs = (double)(pattern >= PATTERN_BATCH_FIFO ? cfg->batch_n : cfg->lifo_iters);
    printf("  %-8s", "faults");
    for (int a = 0; a < BENCH_N_ALLOCATORS; a++)
        if (fc->runs[a])
            printf(" %10.2f", (double)fc->faults[a] * 1000.0 / (pairs * (double)fc->runs[a]));
        else
            printf(" %10s", "n/a");
    printf("   (minor page faults per 1000 pairs, all rows and runs)\n");
}

static void run_pattern(int pattern, const bench_allocator *all, void **ptrs,
                        const bench_config *cfg)
{
    row_ns rows[N_ROWS], gm;
    fault_count fc = { { 0 }, { 0 } };
    char label[16];
    print_head(pattern, all, cfg);
    for (int r = 0; r < N_ROWS; r++) {
        measure_row(pattern, row_size[r], all, ptrs, cfg, rows[r], &fc);
        snprintf(label, sizeof label, row_size[r] ? "%zu" : "mixed", row_size[r]);
        print_row(label, rows[r]);
        fflush(stdout);
    }
    geomean_row(rows, gm);
    print_row("geomean", gm);
    print_faults(pattern, &fc, cfg);
    pattern_targets(pattern, rows, gm);
}

void bench_alloc_section(const bench_config *cfg)
{
    bench_allocator all[BENCH_N_ALLOCATORS];
    void **ptrs = calloc(cfg->batch_n, sizeof *ptrs);
    memset(ptrs, 0, cfg->batch_n * sizeof *ptrs); /* fault the array in before any timing */
    printf("\n== 1. Allocator: ns per alloc+free pair, lower is better ==\n");
    bench_alloc_backends(all);
    printf("  rows      sizes in bytes; 'mixed' = sizes uniform in [8,512] from a fixed seed; "
           "geomean over all 7 rows\n");
    printf("  LIFO      %zu pairs per run\n", cfg->lifo_iters);
    printf("  runs      %d rounds per cell; in each, one allocator's runs back to back "
           "(LIFO %d, batch %d), minimum kept\n", PASSES,
           (cfg->lifo_repeats + PASSES - 1) / PASSES, (cfg->repeats + PASSES - 1) / PASSES);
    printf("  faults    batch times include the page faults an allocator takes when it gave memory\n"
           "            back to the OS between runs; the 'faults' line under each table counts them\n");
    for (int p = 0; p < PATTERN_COUNT; p++)
        if (cfg->pattern < 0 || cfg->pattern == p)
            run_pattern(p, all, ptrs, cfg);
    free(ptrs);
}
