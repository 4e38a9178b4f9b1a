/* bench.h: shared declarations of the runtime benchmark (tools/bench_runtime).
 *
 * What it is for: the pieces of `bench_runtime` (allocator table, collector tables,
 * report) share the run configuration, a monotonic clock, small statistics helpers and a
 * deterministic random generator through this header.
 * What it assumes: Linux (clock_gettime(CLOCK_MONOTONIC), /proc/cpuinfo); one thread.
 * Every measurement is repeated and the MINIMUM is reported.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <stdint.h>

typedef struct bench_config {
    int quick;            /* --quick: small N, for a smoke run */
    int repeats;          /* allocator, batch patterns: timed runs per cell; minimum kept */
    int lifo_repeats;     /* allocator, LIFO patterns (short runs, so more of them) */
    int gc_repeats;       /* collector: timed repetitions per cell; the minimum is kept */
    size_t batch_n;       /* blocks per batch in the FIFO/random batch patterns */
    size_t lifo_iters;    /* alloc/free pairs per LIFO measurement */
    size_t gc_n;          /* objects per collector shape */
    size_t young_n;       /* objects in the young generation for the generational test */
    const char *only;     /* NULL, or one section to run: alloc, gc, gen, auto */
    int pattern;          /* -1, or the one allocator pattern to run (--pattern) */
} bench_config;

/* clock and statistics (bench_util.c) */
uint64_t bench_now_ns(void);                    /* the benchmark clock, see bench_use_wall_clock */
void bench_use_wall_clock(int wall);            /* 0 (default): thread CPU time; 1: monotonic */
double bench_min(const double *v, int n);
double bench_geomean(const double *v, int n);   /* ignores entries <= 0 or NaN; NaN if none */
uint64_t bench_rand(uint64_t *state);           /* xorshift64*; state must be non-zero */
void bench_shuffle(void **v, size_t n, uint64_t seed);
void bench_print_machine(const bench_config *cfg);
void bench_print_load(const char *when);

/* sections; each prints its tables and records its targets (report.h) */
void bench_alloc_section(const bench_config *cfg);
void bench_gc_section(const bench_config *cfg);
void bench_gen_section(const bench_config *cfg);
void bench_auto_section(const bench_config *cfg);

#endif
