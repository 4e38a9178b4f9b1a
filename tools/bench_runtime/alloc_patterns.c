/* alloc_patterns.c: the four allocation patterns (see alloc_patterns.h).
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

static void *must(void *p, const bench_allocator *a)
{
    if (!p) {
        fprintf(stderr, "bench_runtime: %s returned NULL\n", a->name);
        exit(3);
    }
    *(volatile char *)p = 1;
    return p;
}

static double lifo_pair(const bench_allocator *a, const size_table *t, size_t iters)
{
    uint64_t t0 = bench_now_ns();
    for (size_t i = 0; i < iters; i++)
        a->free(must(a->alloc(t->size[i & MASK]), a));
    return (double)(bench_now_ns() - t0) / (double)iters;
}

static double lifo_depth(const bench_allocator *a, const size_table *t, size_t iters)
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
static uint64_t batch_alloc(const bench_allocator *a, const size_table *t, void **ptrs, size_t n)
{
    uint64_t t0 = bench_now_ns();
    for (size_t i = 0; i < n; i++)
        ptrs[i] = must(a->alloc(t->size[i & MASK]), a);
    return bench_now_ns() - t0;
}

static uint64_t batch_free(const bench_allocator *a, void **ptrs, size_t n)
{
    uint64_t t0 = bench_now_ns();
    for (size_t i = 0; i < n; i++)
        a->free(ptrs[i]);
    return bench_now_ns() - t0;
}

static double batch(const bench_allocator *a, const size_table *t, void **ptrs, size_t n,
                    int shuffled)
{
    uint64_t ns = batch_alloc(a, t, ptrs, n);
    if (shuffled)
        bench_shuffle(ptrs, n, 12345);
    ns += batch_free(a, ptrs, n);
    return (double)ns / (double)n;
}

double pattern_run(int pattern, const bench_allocator *a, const size_table *sizes,
                   void **ptrs, const bench_config *cfg)
{
    switch (pattern) {
    case PATTERN_LIFO_PAIR:
        return lifo_pair(a, sizes, cfg->lifo_iters);
    case PATTERN_LIFO_64:
        return lifo_depth(a, sizes, cfg->lifo_iters);
    case PATTERN_BATCH_FIFO:
        return batch(a, sizes, ptrs, cfg->batch_n, 0);
    default:
        return batch(a, sizes, ptrs, cfg->batch_n, 1);
    }
}
