/* mem_segment.c: 4 MiB segments: mapping them from the OS at 4 MiB
 * alignment, handing out their 64 KiB pages, caching empty segments and
 * giving them back to the OS.
 *
 * Assumes: the invariants in mem_internal.h; Linux mmap/munmap;
 * single-threaded use.
 */
#include <sys/mman.h>
#include <time.h>

#include "mem_internal.h"

uint8_t rf_mem_segmap_[RF_SEGMAP_LEN];
static uintptr_t next_hint; /* where the last segment ended */

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void segmap_set(rf_segment *seg, int on)
{
    rf_mem_segmap_[(uintptr_t)seg >> RF_SEG_SHIFT] = (uint8_t)(on != 0);
}

/* Maps RF_SEG_SIZE bytes at an RF_SEG_SIZE-aligned address; NULL on
 * failure. Tries right after the last segment first (usually aligned). */
static void *map_aligned(void)
{
    int prot = PROT_READ | PROT_WRITE, flags = MAP_PRIVATE | MAP_ANONYMOUS;
    void *p = mmap((void *)next_hint, RF_SEG_SIZE, prot, flags, -1, 0);
    if (p != MAP_FAILED && ((uintptr_t)p & (RF_SEG_SIZE - 1)) == 0)
        return p;
    if (p != MAP_FAILED)
        munmap(p, RF_SEG_SIZE);
    char *raw = mmap(NULL, 2 * RF_SEG_SIZE, prot, flags, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    uintptr_t start = ((uintptr_t)raw + RF_SEG_SIZE - 1) & ~(RF_SEG_SIZE - 1);
    if (start > (uintptr_t)raw)
        munmap(raw, start - (uintptr_t)raw);
    uintptr_t end = (uintptr_t)raw + 2 * RF_SEG_SIZE;
    if (end > start + RF_SEG_SIZE)
        munmap((void *)(start + RF_SEG_SIZE), end - (start + RF_SEG_SIZE));
    return (void *)start;
}

/* Where a page's first block starts past the page boundary: pages start
 * 64 KiB apart, so without an offset the first blocks of every class's
 * current page would fall into the same L1 cache sets. */
static uintptr_t page_color(int index)
{
    return (uintptr_t)(index & 31) * 128;
}

char *rf_mem_page_area_(const rf_page *pg)
{
    uintptr_t base = (uintptr_t)pg & ~(RF_SEG_SIZE - 1);
    if (pg->index == 0)
        return (char *)((base + sizeof(rf_segment) + 63) & ~(uintptr_t)63);
    return (char *)(base + (uintptr_t)pg->index * RF_PAGE_SIZE + page_color(pg->index));
}

/* Fills in a fresh segment's header: every page free (page_new in mem.c
 * lays a page out when it is assigned a class). */
static void segment_init(rf_segment *seg)
{
    seg->free_pages = NULL;
    for (int i = RF_PAGES_PER_SEG - 1; i >= 0; i--) {
        rf_page *pg = &seg->pages[i];
        memset(pg, 0, sizeof *pg);
        pg->index = (uint8_t)i;
        pg->next = seg->free_pages;
        seg->free_pages = pg;
    }
    seg->used_pages = 0;
}

static void all_link(rf_segment *seg)
{
    rf_mem_heap *h = &rf_mem_heap_;
    seg->all_prev = NULL;
    seg->all_next = h->all;
    if (h->all != NULL)
        h->all->all_prev = seg;
    h->all = seg;
}

static void all_unlink(rf_segment *seg)
{
    rf_mem_heap *h = &rf_mem_heap_;
    if (seg->all_prev != NULL)
        seg->all_prev->all_next = seg->all_next;
    else
        h->all = seg->all_next;
    if (seg->all_next != NULL)
        seg->all_next->all_prev = seg->all_prev;
}

static rf_segment *segment_map(void)
{
    rf_segment *seg = map_aligned();
    if (seg == NULL)
        return NULL;
    next_hint = (uintptr_t)seg + RF_SEG_SIZE;
#ifdef MADV_HUGEPAGE
    /* 2 MiB pages: far fewer page faults and TLB misses on big heaps */
    madvise(seg, RF_SEG_SIZE, MADV_HUGEPAGE);
#endif
    segment_init(seg);
    segmap_set(seg, 1);
    all_link(seg);
    rf_mem_heap_.n_mapped++;
    return seg;
}

static void segment_unmap(rf_segment *seg)
{
    segmap_set(seg, 0);
    all_unlink(seg);
    munmap(seg, RF_SEG_SIZE);
    rf_mem_heap_.n_mapped--;
    rf_mem_heap_.n_released++;
}

/* --- the avail list: in-use segments with at least one free page --- */

static void avail_push(rf_segment *seg)
{
    rf_mem_heap *h = &rf_mem_heap_;
    seg->prev = NULL;
    seg->next = h->avail;
    if (h->avail != NULL)
        h->avail->prev = seg;
    h->avail = seg;
    seg->in_avail = 1;
}

static void avail_remove(rf_segment *seg)
{
    rf_mem_heap *h = &rf_mem_heap_;
    if (seg->prev != NULL)
        seg->prev->next = seg->next;
    else
        h->avail = seg->next;
    if (seg->next != NULL)
        seg->next->prev = seg->prev;
    seg->in_avail = 0;
}

/* --- the cache of empty segments (doubly linked, newest first) --- */

static void cache_unlink(rf_segment *seg)
{
    rf_mem_heap *h = &rf_mem_heap_;
    if (seg->prev != NULL)
        seg->prev->next = seg->next;
    else
        h->cache = seg->next;
    if (seg->next != NULL)
        seg->next->prev = seg->prev;
    else
        h->cache_tail = seg->prev;
    seg->in_cache = 0;
    h->n_cached--;
}

/* The newest cached segment (warmest in the CPU caches), or NULL. */
static rf_segment *cache_pop(void)
{
    rf_segment *seg = rf_mem_heap_.cache;
    if (seg != NULL)
        cache_unlink(seg);
    return seg;
}

static void cache_push(rf_segment *seg)
{
    rf_mem_heap *h = &rf_mem_heap_;
    seg->cached_at = now_ns();
    seg->prev = NULL;
    seg->next = h->cache;
    if (h->cache != NULL)
        h->cache->prev = seg;
    else
        h->cache_tail = seg;
    h->cache = seg;
    seg->in_cache = 1;
    h->n_cached++;
}

/* Unmaps the cached segments older than RF_SEG_CACHE_NS (all when force),
 * oldest first: the cache is in entry order, so the walk stops at the
 * first segment that is young enough. */
void rf_mem_cache_expire_(int force)
{
    rf_mem_heap *h = &rf_mem_heap_;
    int64_t limit = force ? INT64_MAX : now_ns() - RF_SEG_CACHE_NS;
    while (h->cache_tail != NULL && h->cache_tail->cached_at < limit) {
        rf_segment *seg = h->cache_tail;
        cache_unlink(seg);
        segment_unmap(seg);
    }
}

/* A segment with a free page: the avail list, else the cache, else the OS. */
static rf_segment *segment_with_free_page(void)
{
    rf_mem_heap *h = &rf_mem_heap_;
    if (h->avail != NULL)
        return h->avail;
    rf_segment *seg = cache_pop();
    if (seg == NULL)
        seg = segment_map();
    if (seg != NULL)
        avail_push(seg);
    return seg;
}

rf_page *rf_mem_page_take_(void)
{
    if (rf_mem_heap_.cache != NULL)
        rf_mem_cache_expire_(0); /* every 64 KiB at most: cheap enough */
    rf_segment *seg = segment_with_free_page();
    if (seg == NULL)
        return NULL;
    rf_page *pg = seg->free_pages;
    seg->free_pages = pg->next;
    pg->next = NULL;
    seg->used_pages++;
    if (seg->free_pages == NULL)
        avail_remove(seg);
    return pg;
}

void rf_mem_page_give_(rf_page *pg)
{
    rf_segment *seg = (rf_segment *)((uintptr_t)pg & ~(RF_SEG_SIZE - 1));
    pg->next = seg->free_pages;
    seg->free_pages = pg;
    seg->used_pages--;
    if (!seg->in_avail && seg->used_pages > 0)
        avail_push(seg);
    if (seg->used_pages == 0) {
        if (seg->in_avail)
            avail_remove(seg);
        rf_mem_cache_expire_(0);
        cache_push(seg);
    }
}
