/* test_mem_counters.c: the page's two use counters (allocs, frees; see
 * mem_internal.h) across their 32-bit wrap-around. White box: it moves a
 * page's counters close to 2^32 (keeping their difference) instead of
 * running 4 billion alloc/free pairs, then checks that the page still
 * counts its live blocks, goes full and back, and is retired when empty.
 * Assumes the runtime's private header (runtime/src) is on the include path.
 */
#include <stdint.h>

#include "mem_internal.h"
#include "rt_test.h"

/* Shifts pg's counters so that allocs is `below` short of 2^32 (wrapping
 * after that many more allocations); used is unchanged. */
static void near_wrap(rf_page *pg, uint32_t below)
{
    uint32_t shift = (uint32_t)0 - below - pg->allocs;
    pg->allocs += shift;
    pg->frees += shift;
}

/* LIFO pairs across the wrap: the page keeps its live count, never looks
 * empty or full, and the same block comes back each time. */
static void test_pairs_across_wrap(void)
{
    void *keep = rf_mem_alloc(48);
    rf_page *pg = rf_mem_page_of_(keep);
    uint32_t used = rf_mem_page_used_(pg);
    near_wrap(pg, 100);
    void *first = rf_mem_alloc(48);
    rf_mem_free(first);
    for (int i = 0; i < 300; i++) {
        void *p = rf_mem_alloc(48);
        CHECK(p == first);
        rf_mem_free(p);
    }
    CHECK(pg->allocs < 1000); /* it did wrap */
    CHECK_EQ(rf_mem_page_used_(pg), used);
    CHECK(pg->in_use);
    CHECK(!pg->in_full);
    rf_mem_free(keep);
}

/* A page filled across the wrap goes full (leaves its queue), comes back at
 * the first free, and is retired when its last block is freed. */
static void test_full_and_empty_across_wrap(void)
{
    enum { N = 4096 };
    void **b = malloc(N * sizeof *b);
    b[0] = rf_mem_alloc(256);
    rf_page *pg = rf_mem_page_of_(b[0]);
    near_wrap(pg, 3);
    size_t n = 1;
    while (n < N) { /* fill pg and go past it */
        b[n] = rf_mem_alloc(256);
        if (rf_mem_page_of_(b[n]) != pg)
            break;
        n++;
    }
    CHECK(n < N);
    CHECK(pg->in_full);
    CHECK_EQ(rf_mem_page_used_(pg), n);
    rf_mem_free(b[0]); /* back in the queue */
    CHECK(!pg->in_full);
    CHECK_EQ(rf_mem_page_used_(pg), n - 1);
    for (size_t i = 1; i < n; i++)
        rf_mem_free(b[i]);
    CHECK(!pg->in_use); /* retired: it was not the current page */
    rf_mem_free(b[n]);
    free(b);
    rf_mem_info mi;
    rf_mem_stats(&mi);
    CHECK_EQ(mi.small_live, 0);
}

int main(void)
{
    RT_RUN(test_pairs_across_wrap);
    RT_RUN(test_full_and_empty_across_wrap);
    return rt_finish();
}
