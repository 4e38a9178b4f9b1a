/* test_mem.c: the small-object allocator: every size up to past the small
 * limit, alignment, no overlap, calloc, realloc across classes, LIFO/FIFO/
 * random free patterns with reuse, and segments going back to the OS.
 */
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "rt_test.h"

#define NSIZES 2100

static int filled_with(const unsigned char *p, size_t n, unsigned char c)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != c)
            return 0;
    return 1;
}

static void test_every_size(void)
{
    static unsigned char *blocks[NSIZES];
    for (size_t n = 0; n < NSIZES; n++) {
        blocks[n] = rf_mem_alloc(n);
        CHECK(blocks[n] != NULL);
        CHECK(rf_mem_usable_size(blocks[n]) >= n);
        CHECK(((uintptr_t)blocks[n] & 7) == 0);
        if (n % 16 == 0)
            CHECK(((uintptr_t)blocks[n] & 15) == 0);
        memset(blocks[n], (int)(n & 0xff), n);
    }
    for (size_t n = 0; n < NSIZES; n++)
        CHECK(filled_with(blocks[n], n, (unsigned char)(n & 0xff)));
    for (size_t n = 0; n < NSIZES; n++)
        rf_mem_free(blocks[n]);
    rf_mem_free(NULL);
}

static void test_calloc_zeroes_reused_memory(void)
{
    unsigned char *p = rf_mem_alloc(200);
    memset(p, 0xab, 200);
    rf_mem_free(p);
    unsigned char *q = rf_mem_calloc(200);
    CHECK(filled_with(q, 200, 0));
    rf_mem_free(q);
}

static void test_realloc(void)
{
    unsigned char *p = rf_mem_realloc(NULL, 10);
    for (int i = 0; i < 10; i++)
        p[i] = (unsigned char)i;
    size_t sizes[] = {16, 100, 500, 1024, 1025, 5000, 100000, 700, 64, 12, 10};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        p = rf_mem_realloc(p, sizes[k]);
        CHECK(p != NULL);
        CHECK(rf_mem_usable_size(p) >= sizes[k]);
        for (int i = 0; i < 10; i++)
            CHECK_EQ(p[i], i);
    }
    /* shrinking within a class keeps the block */
    unsigned char *q = rf_mem_alloc(500);
    CHECK(rf_mem_realloc(q, 480) == q);
    rf_mem_free(q);
    rf_mem_free(p);
}

/* Allocates n blocks of random sizes, stamps them, frees them in `order`
 * (0 LIFO, 1 FIFO, 2 random), checking stamps just before each free. */
static void free_pattern(size_t n, int order)
{
    unsigned char **b = malloc(n * sizeof *b);
    size_t *sz = malloc(n * sizeof *sz);
    size_t *idx = malloc(n * sizeof *idx);
    for (size_t i = 0; i < n; i++) {
        sz[i] = 8 + rt_rng() % 600;
        b[i] = rf_mem_alloc(sz[i]);
        CHECK(b[i] != NULL);
        memset(b[i], (int)(i & 0xff), sz[i]);
        idx[i] = order == 0 ? n - 1 - i : i;
    }
    for (size_t i = n; order == 2 && i > 1; i--) {
        size_t j = rt_rng() % i, t = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = t;
    }
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k = idx[i];
        bad += !filled_with(b[k], sz[k], (unsigned char)(k & 0xff));
        rf_mem_free(b[k]);
    }
    CHECK_EQ(bad, 0);
    free(b);
    free(sz);
    free(idx);
}

static void test_free_patterns(void)
{
    for (int round = 0; round < 2; round++) {
        free_pattern(200000, 0);
        free_pattern(200000, 1);
        free_pattern(200000, 2);
    }
    rf_mem_info mi;
    rf_mem_stats(&mi);
    CHECK_EQ(mi.small_live, 0);
    CHECK_EQ(mi.large_live, 0);
}

static void test_lifo_reuses_the_same_block(void)
{
    void *p = rf_mem_alloc(48);
    rf_mem_free(p);
    void *q = rf_mem_alloc(48);
    CHECK(p == q);
    rf_mem_free(q);
}

static int is_mapped(void *p)
{
    void *page = (void *)((uintptr_t)p & ~(uintptr_t)4095);
    return msync(page, 4096, MS_ASYNC) == 0 || errno != ENOMEM;
}

/* Fills ~24 MiB with 64-byte blocks, frees them, and checks the segments
 * are really unmapped after rf_mem_trim. */
static void test_segments_go_back_to_os(void)
{
    enum { N = 24 * 1024 * 1024 / 64 };
    void **b = malloc(N * sizeof *b);
    for (size_t i = 0; i < N; i++)
        b[i] = rf_mem_alloc(64);
    rf_mem_info mi;
    rf_mem_stats(&mi);
    CHECK(mi.segments_mapped >= 6);
    CHECK_EQ(mi.small_live, N);
    void *probe = b[N / 2];
    CHECK(is_mapped(probe));
    for (size_t i = 0; i < N; i++)
        rf_mem_free(b[i]);
    free(b);
    rf_mem_trim();
    rf_mem_stats(&mi);
    CHECK_EQ(mi.segments_mapped, 0);
    CHECK_EQ(mi.pages_in_use, 0);
    CHECK(!is_mapped(probe));
}

/* Full pages freed into (back in their class queue), refilled, then
 * emptied still go back to their segments as their last block is freed,
 * and the segments to the OS; blocks freed into pages are reused before new
 * memory is mapped. */
static void test_refilled_pages_go_back_to_os(void)
{
    enum { N = 12 * 1024 * 1024 / 64 };
    void **b = malloc(N * sizeof *b);
    for (size_t i = 0; i < N; i++)
        b[i] = rf_mem_alloc(64);
    rf_mem_info before, mi;
    rf_mem_stats(&before);
    for (size_t i = 0; i < N; i += 2) /* every full page is freed into */
        rf_mem_free(b[i]);
    for (size_t i = 0; i < N; i += 2) /* reused: no new segment */
        b[i] = rf_mem_alloc(64);
    rf_mem_stats(&mi);
    CHECK_EQ(mi.segments_mapped, before.segments_mapped);
    CHECK_EQ(mi.small_live, N);
    void *probe = b[N / 3];
    for (size_t i = 1; i < N; i += 2)
        rf_mem_free(b[i]);
    for (size_t i = 0; i < N; i += 2)
        rf_mem_free(b[i]);
    free(b);
    rf_mem_stats(&mi);
    CHECK_EQ(mi.small_live, 0);
    CHECK(mi.pages_in_use <= 1); /* retired as they emptied; the current page stays */
    rf_mem_trim();
    rf_mem_stats(&mi);
    CHECK_EQ(mi.pages_in_use, 0);
    CHECK_EQ(mi.segments_mapped, 0);
    CHECK(!is_mapped(probe));
}

/* Without rf_mem_trim: empty segments are cached, then unmapped once they
 * have been empty long enough and the allocator needs a segment again. */
static void test_segment_cache_expires(void)
{
    enum { N = 16 * 1024 * 1024 / 128 };
    void **b = malloc(N * sizeof *b);
    for (size_t i = 0; i < N; i++)
        b[i] = rf_mem_alloc(128);
    for (size_t i = 0; i < N; i++)
        rf_mem_free(b[i]);
    rf_mem_info mi;
    rf_mem_stats(&mi);
    CHECK(mi.segments_cached >= 3);
    size_t released = mi.segments_released;
    struct timespec ts = {0, 400 * 1000 * 1000};
    nanosleep(&ts, NULL);
    for (size_t i = 0; i < 2000; i++) /* needs fresh pages: takes a cached segment */
        b[i] = rf_mem_alloc(900);
    rf_mem_stats(&mi);
    CHECK(mi.segments_released >= released + 2);
    CHECK(mi.segments_mapped <= 3);
    for (size_t i = 0; i < 2000; i++)
        rf_mem_free(b[i]);
    free(b);
    rf_mem_trim();
}

/* The cache expires its oldest segments first and keeps the young ones:
 * of two sets of segments emptied 200 ms apart, a page taken 300 ms after
 * the first unmaps the first set and keeps the second. */
static void test_segment_cache_expires_oldest_first(void)
{
    enum { N = 16 * 1024 * 1024 / 128 };
    void **a = malloc(N * sizeof *a), **b = malloc(N * sizeof *b);
    struct timespec ms100 = {0, 100 * 1000 * 1000};
    rf_mem_info mi;
    rf_mem_trim();
    for (size_t i = 0; i < N; i++)
        a[i] = rf_mem_alloc(128);
    for (size_t i = 0; i < N; i++)
        b[i] = rf_mem_alloc(128);
    for (size_t i = 0; i < N; i++)
        rf_mem_free(a[i]);
    rf_mem_stats(&mi);
    size_t old = mi.segments_cached, released = mi.segments_released;
    CHECK(old >= 3);
    nanosleep(&ms100, NULL);
    nanosleep(&ms100, NULL);
    for (size_t i = 0; i < N; i++)
        rf_mem_free(b[i]);
    rf_mem_stats(&mi);
    size_t young = mi.segments_cached - old;
    CHECK(young >= 3);
    nanosleep(&ms100, NULL);
    a[0] = rf_mem_alloc(900); /* takes a page: the old set is due, the young is not */
    rf_mem_stats(&mi);
    CHECK_EQ(mi.segments_released, released + old);
    CHECK(mi.segments_cached + 1 >= young);
    rf_mem_free(a[0]);
    free(a);
    free(b);
    rf_mem_trim();
}

int main(void)
{
    rt_rng_seed(88172645463325252ULL);
    RT_RUN(test_every_size);
    RT_RUN(test_calloc_zeroes_reused_memory);
    RT_RUN(test_realloc);
    RT_RUN(test_free_patterns);
    RT_RUN(test_lifo_reuses_the_same_block);
    RT_RUN(test_segments_go_back_to_os);
    RT_RUN(test_refilled_pages_go_back_to_os);
    RT_RUN(test_segment_cache_expires);
    RT_RUN(test_segment_cache_expires_oldest_first);
    return rt_finish();
}
