/* test_mem_bitmap.c: where freed blocks go (mem_internal.h): onto the free
 * list of their class's current (hot) page, into the free bitmap of any
 * other page; bitmap blocks come back to the free list before new blocks
 * are built, no block is ever handed out twice, and a page retired with
 * bits set starts clean when it is reused. White box: it reads page
 * descriptors and bitmaps, and checks on every page in use that
 * used + len(free list) + bits == capacity (+ 1 for a current page).
 * Assumes the runtime's private header (runtime/src) is on the include path.
 */
#include <stdint.h>

#include "mem_internal.h"
#include "rt_test.h"

static void shuffle(void **v, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(rt_rng() % i), t = (size_t)v[i - 1];
        v[i - 1] = v[j];
        v[j] = (void *)t;
    }
}

static uint32_t bits_set(const rf_page *pg)
{
    uint32_t n = 0;
    for (uint32_t k = 0; k < ((uint32_t)pg->capacity + 63) / 64; k++)
        n += (uint32_t)__builtin_popcountll(*rf_mem_bits_word_(pg, k));
    return n;
}

static int bit_of(const rf_page *pg, const void *p)
{
    uint32_t i = rf_mem_block_index_(pg, (uintptr_t)p);
    return (int)((*rf_mem_bits_word_(pg, i >> 6) >> (i & 63)) & 1);
}

static uint32_t list_len(const rf_page *pg)
{
    uint32_t n = 0;
    for (const rf_block *b = pg->free; b != NULL; b = b->next)
        n++;
    return n;
}

/* The page invariant on every page in use; returns how many pages. */
static size_t check_pages(void)
{
    size_t pages = 0;
    for (rf_segment *s = rf_mem_heap_.all; s != NULL; s = s->all_next) {
        for (unsigned i = 0; i < RF_PAGES_PER_SEG; i++) {
            const rf_page *pg = &s->pages[i];
            if (!pg->in_use)
                continue;
            int cur = rf_mem_heap_.cur[pg->cls] == pg;
            CHECK_EQ(pg->hot, cur);
            CHECK_EQ(rf_mem_page_used_(pg) + list_len(pg) + bits_set(pg), pg->capacity + cur);
            pages++;
        }
    }
    return pages;
}

/* Fills whole pages of one class; returns the block count (into b). */
static size_t fill(void **b, size_t max, size_t size)
{
    for (size_t i = 0; i < max; i++)
        b[i] = rf_mem_alloc(size);
    return max;
}

/* A free into a page that is not its class's current one sets a bit and
 * leaves the block alone; a free into the current page pushes the block. */
static void test_cold_free_sets_a_bit(void)
{
    enum { N = 3000 }; /* 48-byte blocks: over two pages */
    void **b = malloc(N * sizeof *b);
    fill(b, N, 48);
    rf_page *first = rf_mem_page_of_(b[0]);
    rf_page *last = rf_mem_page_of_(b[N - 1]);
    CHECK(first != last);
    CHECK(!first->hot);
    CHECK(last->hot);
    memset(b[5], 0x5A, 48);
    rf_mem_free(b[5]);
    CHECK(bit_of(first, b[5]));
    CHECK(first->free == NULL);
#ifndef RF_DEBUG /* the debug build poisons every freed block */
    CHECK_EQ(((unsigned char *)b[5])[0], 0x5A); /* not written into */
#endif
    CHECK_EQ(bits_set(first), 1);
    rf_mem_free(b[N - 1]);
    CHECK(last->free == (rf_block *)b[N - 1]);
    CHECK(!bit_of(last, b[N - 1]));
    check_pages();
    b[N - 1] = rf_mem_alloc(48); /* the hot block comes back first */
    CHECK(rf_mem_page_of_(b[N - 1]) == last);
    for (size_t i = 0; i < N; i++)
        if (i != 5)
            rf_mem_free(b[i]);
    free(b);
    rf_mem_info mi;
    rf_mem_stats(&mi);
    CHECK_EQ(mi.small_live, 0);
}

/* Blocks freed into bitmaps in random order are all reused, each once,
 * before any new page is taken, and the page counts stay exact. */
static void test_bitmap_blocks_are_reused_once(void)
{
    enum { N = 40000 }; /* 64-byte blocks: about 40 pages */
    void **b = malloc(N * sizeof *b);
    void **again = malloc(N * sizeof *again);
    fill(b, N, 64);
    rf_mem_info before, after;
    rf_mem_stats(&before);
    size_t kept = 0;
    shuffle(b, N);
    for (size_t i = 0; i < N; i++) {
        if (i % 7 == 0) { /* keep every 7th so that pages stay in use */
            b[kept++] = b[i];
            continue;
        }
        rf_mem_free(b[i]);
    }
    size_t freed = N - kept;
    CHECK(check_pages() >= 30);
    for (size_t i = 0; i < freed; i++) {
        again[i] = rf_mem_alloc(64);
        memset(again[i], (int)(i & 0xFF), 64);
    }
    rf_mem_stats(&after);
    CHECK_EQ(after.pages_in_use, before.pages_in_use); /* all from freed blocks */
    CHECK_EQ(after.small_live, N);
    check_pages();
    for (size_t i = 0; i < freed; i++) /* no block handed out twice */
        CHECK_EQ(((unsigned char *)again[i])[63], (unsigned char)(i & 0xFF));
    for (size_t i = 0; i < freed; i++)
        rf_mem_free(again[i]);
    for (size_t i = 0; i < kept; i++)
        rf_mem_free(b[i]);
    check_pages();
    free(again);
    free(b);
}

/* A page emptied through its bitmap is retired; reused by another class,
 * its bitmap starts clear: nothing stale is handed out. */
static void test_retired_page_reused_clean(void)
{
    enum { N = 3000 };
    void **b = malloc(N * sizeof *b);
    fill(b, N, 48);
    rf_page *first = rf_mem_page_of_(b[0]);
    size_t on_first = 0;
    while (on_first < N && rf_mem_page_of_(b[on_first]) == first)
        on_first++;
    for (size_t i = on_first; i-- > 0;) /* the last free retires it */
        rf_mem_free(b[i]);
    CHECK(!first->in_use);
    void **c = malloc(N * sizeof *c);
    size_t n = 0;
    while (n < N) { /* another class takes pages until it gets `first` */
        c[n] = rf_mem_alloc(200);
        if (rf_mem_page_of_(c[n++]) == first)
            break;
    }
    CHECK(first->in_use && first->block_size == 224); /* the class of 200 bytes */
    CHECK_EQ(bits_set(first), 0);
    check_pages();
    for (size_t i = 0; i < n; i++)
        rf_mem_free(c[i]);
    for (size_t i = on_first; i < N; i++)
        rf_mem_free(b[i]);
    free(c);
    free(b);
}

/* The 8-byte class (the most blocks per page, 128 bitmap words) and the
 * largest class, freed cold and reused. */
static void test_extreme_classes(void)
{
    static const size_t sizes[] = { 8, RF_MEM_SMALL_MAX };
    for (size_t s = 0; s < 2; s++) {
        enum { N = 20000 };
        void **b = malloc(N * sizeof *b);
        fill(b, N, sizes[s]);
        shuffle(b, N / 2);
        for (size_t i = 0; i < N / 2; i++)
            rf_mem_free(b[i]);
        check_pages();
        for (size_t i = 0; i < N / 2; i++)
            b[i] = rf_mem_alloc(sizes[s]);
        check_pages();
        for (size_t i = 0; i < N; i++)
            rf_mem_free(b[i]);
        free(b);
    }
    rf_mem_info mi;
    rf_mem_stats(&mi);
    CHECK_EQ(mi.small_live, 0);
}

int main(void)
{
    rt_rng_seed(0x2545F4914F6CDD1DULL);
    RT_RUN(test_cold_free_sets_a_bit);
    RT_RUN(test_bitmap_blocks_are_reused_once);
    RT_RUN(test_retired_page_reused_clean);
    RT_RUN(test_extreme_classes);
    return rt_finish();
}
