/* alloc_patterns.c: the four allocation patterns (see alloc_patterns.h).
 *
 * Each allocator column runs its own copy of the pattern loops (PATTERN_COPY below), as
 * in a program, where a call site of malloc always calls the same allocator. With one
 * shared copy, every call site was polymorphic: after another allocator had run through
 * it, the CPU's branch-target prediction for those indirect calls added front-end stalls
 * to whichever allocator ran next, whatever that allocator did (on this machine, LIFO pair
 * of 64 bytes: refflow 2.6 -> 4.0 ns, glibc 5.5 -> 6.3, mimalloc 5.9 -> 6.3 once a
 * different allocator had used the same loop). The copies must not be merged by identical
 * code folding: this file is compiled with -fno-ipa-icf (CMakeLists.txt).
 *
 * Assumes the allocator never returns NULL for requests <= 512 bytes (a NULL aborts the
 * run: a benchmark of a failing allocator means nothing).
 */
#include "alloc_patterns.h"

#include <stdio.h>
#include <stdlib.h>

#define MASK (SIZE_TABLE_LEN - 1)
#define DEPTH 64

static const char *const names[PATTERN_COUNT] = {
    "LIFO pair (alloc, free at once)",
    "LIFO depth 64 (alloc 64, free in reverse)",
    "batch FIFO (alloc N, free in allocation order)",
    "batch random (alloc N, free in shuffled order)",
};

static const char *const short_names[PATTERN_COUNT] = {
    "LIFO pair", "LIFO depth 64", "batch FIFO", "batch random" };

const char *pattern_name(int pattern)
{
    return names[pattern];
}

const char *pattern_short_name(int pattern)
{
    return short_names[pattern];
}

void size_table_fill(size_table *t, size_t fixed)
{
    uint64_t st = 0x9E3779B97F4A7C15ULL;
    for (size_t i = 0; i < SIZE_TABLE_LEN; i++)
        t->size[i] = fixed ? fixed : 8 + bench_rand(&st) % 505;
}

static inline __attribute__((always_inline)) void *must(void *p, const bench_allocator *a)
{
    if (!p) {
        fprintf(stderr, "bench_runtime: %s returned NULL\n", a->name);
        exit(3);
    }
    *(volatile char *)p = 1;
    return p;
}

static inline __attribute__((always_inline)) double lifo_pair(const bench_allocator *a, const size_table *t, size_t iters)
{
    uint64_t t0 = bench_now_ns();
    for (size_t i = 0; i < iters; i++)
        a->free(must(a->alloc(t->size[i & MASK]), a));
    return (double)(bench_now_ns() - t0) / (double)iters;
}

static inline __attribute__((always_inline)) double lifo_depth(const bench_allocator *a, const size_table *t, size_t iters)
{
    void *stack[DEPTH];
    size_t rounds = iters / DEPTH, k = 0;
    uint64_t t0 = bench_now_ns();
    for (size_t r = 0; r < rounds; r++) {
        for (int i = 0; i < DEPTH; i++)
            stack[i] = must(a->alloc(t->size[k++ & MASK]), a);
        for (int i = DEPTH - 1; i >= 0; i--)
            a->free(stack[i]);
    }
    return (double)(bench_now_ns() - t0) / (double)(rounds * DEPTH);
}

/* Allocates n blocks into ptrs; returns the ns it took. */
static inline __attribute__((always_inline)) uint64_t batch_alloc(const bench_allocator *a, const size_table *t, void **ptrs, size_t n)
{
    uint64_t t0 = bench_now_ns();
    for (size_t i = 0; i < n; i++)
        ptrs[i] = must(a->alloc(t->size[i & MASK]), a);
    return bench_now_ns() - t0;
}

static inline __attribute__((always_inline)) uint64_t batch_free(const bench_allocator *a, void **ptrs, size_t n)
{
    uint64_t t0 = bench_now_ns();
    for (size_t i = 0; i < n; i++)
        a->free(ptrs[i]);
    return bench_now_ns() - t0;
}

static inline __attribute__((always_inline)) double batch(const bench_allocator *a, const size_table *t, void **ptrs, size_t n,
                    int shuffled)
{
    uint64_t ns = batch_alloc(a, t, ptrs, n);
    if (shuffled)
        bench_shuffle(ptrs, n, 12345);
    ns += batch_free(a, ptrs, n);
    return (double)ns / (double)n;
}

/* One copy of the pattern dispatch (and, inlined into it, of every loop) per column. */
#define PATTERN_COPY(k)                                                                      \
    static __attribute__((noinline)) double pattern_run_##k(                                 \
        int pattern, const bench_allocator *a, const size_table *sizes, void **ptrs,         \
        const bench_config *cfg)                                                             \
    {                                                                                        \
        switch (pattern) {                                                                   \
        case PATTERN_LIFO_PAIR:                                                              \
            return lifo_pair(a, sizes, cfg->lifo_iters);                                     \
        case PATTERN_LIFO_64:                                                                \
            return lifo_depth(a, sizes, cfg->lifo_iters);                                    \
        case PATTERN_BATCH_FIFO:                                                             \
            return batch(a, sizes, ptrs, cfg->batch_n, 0);                                   \
        default:                                                                             \
            return batch(a, sizes, ptrs, cfg->batch_n, 1);                                   \
        }                                                                                    \
    }

PATTERN_COPY(0)
PATTERN_COPY(1)
PATTERN_COPY(2)
PATTERN_COPY(3)

typedef double pattern_fn(int, const bench_allocator *, const size_table *, void **,
                          const bench_config *);
static pattern_fn *const copies[] = { pattern_run_0, pattern_run_1, pattern_run_2,
                                      pattern_run_3 };
_Static_assert(sizeof copies / sizeof copies[0] == BENCH_N_ALLOCATORS, "one copy per column");

double pattern_run(int pattern, int column, const bench_allocator *all, const size_table *sizes,
                   void **ptrs, const bench_config *cfg)
{
    return copies[column](pattern, &all[column], sizes, ptrs, cfg);
}
