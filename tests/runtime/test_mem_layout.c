/* test_mem_layout.c: how the allocator finds a block's metadata from its
 * address alone (mem_internal.h): the segment map (one byte per 4 MiB of
 * address space) tells our blocks from the system allocator's, and the
 * page descriptor is the segment's base OR the page index times 64.
 * White box: it reads rf_mem_segmap_ and the segment header directly.
 * Assumes the runtime's private header (runtime/src) is on the include path.
 */
#include <malloc.h>
#include <stdint.h>

#include "mem_internal.h"
#include "rt_test.h"

static uint8_t map_entry(const void *p)
{
    return rf_mem_segmap_[(uintptr_t)p >> RF_SEG_SHIFT];
}

/* A small block's segment is in the map, a malloc'ed block's is not, and
 * addresses outside the map's range are never ours. */
static void test_map_tells_small_from_system(void)
{
    void *small = rf_mem_alloc(24);
    void *big = rf_mem_alloc(RF_MEM_SMALL_MAX + 1);
    void *sys = malloc(40);
    CHECK(rf_mem_is_small_((uintptr_t)small));
    CHECK_EQ(map_entry(small), 1);
    CHECK(!rf_mem_is_small_((uintptr_t)big));
    CHECK(!rf_mem_is_small_((uintptr_t)sys));
    CHECK(!rf_mem_is_small_(0));
    /* past the map (user addresses are below 2^48): no out-of-range read */
    CHECK(!rf_mem_is_small_((uintptr_t)1 << RF_ADDR_BITS));
    CHECK(!rf_mem_is_small_(UINTPTR_MAX));
    CHECK(!rf_mem_is_small_((uintptr_t)small | ((uintptr_t)1 << 60)));
    CHECK_EQ(rf_mem_usable_size(small), 24);
    CHECK_EQ(rf_mem_usable_size(sys), malloc_usable_size(sys));
    free(sys);
    rf_mem_free(big);
    rf_mem_free(small);
}

/* Every block's descriptor is its segment's pages[index], for blocks at the
 * start and the end of pages across several segments; the segment header
 * (after the descriptors) is below page 0's first block. */
static void test_descriptor_of_every_page(void)
{
    enum { N = 9 * 1024 * 1024 / 512 }; /* over two segments of 512-byte blocks */
    void **b = malloc(N * sizeof *b);
    size_t pages = 0;
    for (size_t i = 0; i < N; i++) {
        b[i] = rf_mem_alloc(512);
        uintptr_t a = (uintptr_t)b[i];
        rf_segment *seg = (rf_segment *)(a & ~(RF_SEG_SIZE - 1));
        unsigned index = (unsigned)((a & (RF_SEG_SIZE - 1)) >> RF_PAGE_SHIFT);
        rf_page *pg = rf_mem_page_of_(b[i]);
        CHECK(pg == &seg->pages[index]);
        CHECK_EQ(pg->index, index);
        CHECK_EQ(pg->block_size, 512);
        CHECK(a >= (uintptr_t)pg->start && a < (uintptr_t)pg->start + 512u * pg->reserved);
        CHECK(a >= (uintptr_t)(seg + 1));
        pages += i == 0 || rf_mem_page_of_(b[i - 1]) != pg;
    }
    CHECK(pages > RF_PAGES_PER_SEG);
    for (size_t i = 0; i < N; i++)
        rf_mem_free(b[i]);
    free(b);
}

/* A segment given back to the OS leaves the map: a later system block at
 * that address (or a stale pointer) is not taken for ours. */
static void test_unmapped_segment_leaves_map(void)
{
    void *p = rf_mem_alloc(64);
    CHECK_EQ(map_entry(p), 1);
    rf_mem_free(p);
    rf_mem_trim();
    rf_mem_info mi;
    rf_mem_stats(&mi);
    CHECK_EQ(mi.segments_mapped, 0);
    CHECK_EQ(map_entry(p), 0);
    CHECK(!rf_mem_is_small_((uintptr_t)p));
    void *q = rf_mem_alloc(64); /* maps a segment again: back in the map */
    CHECK_EQ(map_entry(q), 1);
    rf_mem_free(q);
}

int main(void)
{
    RT_RUN(test_map_tells_small_from_system);
    RT_RUN(test_descriptor_of_every_page);
    RT_RUN(test_unmapped_segment_leaves_map);
    return rt_finish();
}
