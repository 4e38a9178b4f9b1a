/* alloc_patterns.h: the allocation patterns of the allocator table.
 *
 * Every pattern takes its request sizes from a table (size_table), so a fixed size and the
 * mixed-size pattern run the same loop. Each returns the nanoseconds per alloc+free pair of
 * ONE run (the caller repeats and keeps the minimum). Each allocated block gets its first
 * byte written, as a real caller would.
 */
#ifndef BENCH_ALLOC_PATTERNS_H
#define BENCH_ALLOC_PATTERNS_H

#include "alloc_backends.h"
#include "bench.h"

enum {
    PATTERN_LIFO_PAIR,   /* alloc, then free at once */
    PATTERN_LIFO_64,     /* alloc 64, free them in reverse */
    PATTERN_BATCH_FIFO,  /* alloc batch_n, free in allocation order */
    PATTERN_BATCH_RANDOM,/* alloc batch_n, free in shuffled order (shuffle not timed) */
    PATTERN_COUNT
};

#define SIZE_TABLE_LEN 4096 /* power of two */

typedef struct size_table {
    size_t size[SIZE_TABLE_LEN];
} size_table;

/* A table of one fixed size, or (fixed == 0) the mixed pattern: sizes uniform in
 * [8, 512] from a fixed seed. */
void size_table_fill(size_table *t, size_t fixed);

const char *pattern_name(int pattern);
const char *pattern_short_name(int pattern);

/* One run of `pattern` for allocator all[column], through that column's own copy of the
 * loops; ptrs must hold cfg->batch_n pointers. Returns ns per pair. */
double pattern_run(int pattern, int column, const bench_allocator *all, const size_table *sizes,
                   void **ptrs, const bench_config *cfg);

#endif
