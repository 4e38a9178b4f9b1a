/* main.c: the `bench_runtime` command: allocator and collector benchmark of refflow's
 * runtime against glibc malloc, mimalloc and CPython 3.11 (pymalloc and gc).
 *
 *   bench_runtime [--quick] [--wall] [--only alloc|gc|gen|auto] [--pattern P] [--repeats N]
 *                 [--gc-n N]
 *
 * --pattern runs one allocator pattern (pair, depth64, fifo, random) in the allocator
 * table, for quick iterations; its targets are then the only allocator targets reported.
 * --gc-n sets the object count of the collector tables (default 1000000): the automatic
 * collection overhead depends on where the build's size falls between full collections.
 *
 * Prints the machine, then tables 1-4 with ratios and the targets, then a summary of the
 * targets (MET / NOT MET / NOT MEASURED). Exit status is 0 whatever the numbers are
 * (this is a measurement, not a test); 2 on a usage error.
 * Assumes an embedded CPython 3.11 (initialized first, so pymalloc is configured as in
 * python3) and a single thread.
 */
#include "bench.h"
#include "report.h"

#include <Python.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const bench_config full = {
    .repeats = 5, .lifo_repeats = 15, .gc_repeats = 3, .batch_n = 1000000, .lifo_iters = 4000000,
    .gc_n = 1000000, .young_n = 10000, .pattern = -1,
};
static const bench_config quick = {
    .quick = 1, .repeats = 1, .lifo_repeats = 1, .gc_repeats = 1, .batch_n = 20000, .lifo_iters = 20000,
    .gc_n = 20000, .young_n = 1000, .pattern = -1,
};

static int usage(const char *argv0)
{
    fprintf(stderr, "usage: %s [--quick] [--wall] [--only alloc|gc|gen|auto] "
            "[--pattern pair|depth64|fifo|random] [--repeats N] [--gc-n N]\n", argv0);
    return 2;
}

/* The pattern index of a --pattern name, or -1. */
static int pattern_of(const char *name)
{
    static const char *const names[] = { "pair", "depth64", "fifo", "random" };
    for (int i = 0; i < (int)(sizeof names / sizeof names[0]); i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

/* Parses argv into cfg; returns 0, or -1 on a usage error. */
static int parse_args(int argc, char **argv, bench_config *cfg)
{
    int repeats = 0;
    long gc_n = 0;
    int pattern = -1;
    const char *only = NULL;
    *cfg = full;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0)
            *cfg = quick;
        else if (strcmp(argv[i], "--wall") == 0)
            bench_use_wall_clock(1);
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            only = argv[++i];
        else if (strcmp(argv[i], "--pattern") == 0 && i + 1 < argc) {
            if ((pattern = pattern_of(argv[++i])) < 0)
                return -1;
        } else if (strcmp(argv[i], "--repeats") == 0 && i + 1 < argc)
            repeats = atoi(argv[++i]);
        else if (strcmp(argv[i], "--gc-n") == 0 && i + 1 < argc)
            gc_n = atol(argv[++i]);
        else
            return -1;
    }
    cfg->only = only;
    cfg->pattern = pattern;
    if (gc_n != 0 && gc_n < 2)
        return -1;
    if (gc_n > 0)
        cfg->gc_n = (size_t)gc_n;
    if (repeats > 0)
        cfg->repeats = cfg->lifo_repeats = cfg->gc_repeats = repeats > 16 ? 16 : repeats;
    return 0;
}

static int wanted(const bench_config *cfg, const char *section)
{
    return !cfg->only || strcmp(cfg->only, section) == 0;
}

int main(int argc, char **argv)
{
    bench_config cfg;
    if (parse_args(argc, argv, &cfg) != 0)
        return usage(argv[0]);
    Py_Initialize();
    bench_print_machine(&cfg);
    if (wanted(&cfg, "alloc"))
        bench_alloc_section(&cfg);
    if (wanted(&cfg, "gc"))
        bench_gc_section(&cfg);
    if (wanted(&cfg, "gen"))
        bench_gen_section(&cfg);
    if (wanted(&cfg, "auto"))
        bench_auto_section(&cfg);
    printf("\n");
    bench_print_load("at end");
    report_summary();
    fflush(stdout);
    return 0;
}
