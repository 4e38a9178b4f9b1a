/* mem.c: the small-object allocator's size classes, page queues and the
 * public rf_mem_* functions.
 *
 * Assumes: the invariants in mem_internal.h; segments and free pages come
 * from mem_segment.c. Large requests go to malloc/realloc/free.
 */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "error_internal.h"
#include "mem_internal.h"

#define EMPTY (&rf_mem_empty_page_)
rf_page rf_mem_empty_page_;
#define E8 EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY
rf_mem_heap rf_mem_heap_ = {
    .direct = {E8, E8, E8, E8, E8, E8, E8, E8, E8, E8, E8, E8, E8, E8, E8, E8, EMPTY},
    .cur = {E8, E8, E8},
};

const uint32_t rf_mem_class_size_[RF_NCLASSES] = {
    8,   16,  24,  32,  40,  48,  56,  64,  80,  96,  112, 128,
    160, 192, 224, 256, 320, 384, 448, 512, 640, 768, 896, 1024,
};

/* rf_mem_class_of_[(n + 7) / 8] is the smallest class holding n bytes. */
const uint8_t rf_mem_class_of_[RF_NBUCKETS] = {
    0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 9, 10, 10, 11,
    11, 12, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15,
    15, 16, 16, 16, 16, 16, 16, 16, 16, 17, 17, 17, 17, 17, 17, 17,
    17, 18, 18, 18, 18, 18, 18, 18, 18, 19, 19, 19, 19, 19, 19, 19,
    19, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20,
    20, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21, 21,
    21, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22,
    22, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23, 23,
    23,
};

/* --- class queues --- */

/* Makes pg the class's current page. The current page holds one phantom
 * use (see mem_internal.h), so the free fast path never retires it, and is
 * the class's hot page: blocks freed into it go onto its free list. */
static void set_cur(unsigned cls, rf_page *pg)
{
    rf_page *old = rf_mem_heap_.cur[cls];
    if (old == pg)
        return;
    if (old != EMPTY) {
        old->allocs--;
        old->hot = 0;
    }
    if (pg != EMPTY) {
        pg->allocs++;
        pg->hot = 1;
    }
    rf_mem_heap_.cur[cls] = pg;
    /* the class's buckets are the sizes (previous class size, class size] */
    size_t lo = cls == 0 ? 0 : rf_mem_class_size_[cls - 1] / 8 + 1;
    for (size_t b = lo; b <= rf_mem_class_size_[cls] / 8; b++)
        rf_mem_heap_.direct[b] = pg;
}

static void queue_push_back(unsigned cls, rf_page *pg)
{
    rf_mem_heap *h = &rf_mem_heap_;
    pg->next = NULL;
    pg->prev = h->tail[cls];
    h->tail[cls] = pg;
    if (pg->prev != NULL)
        pg->prev->next = pg;
    else
        set_cur(cls, pg);
}

static void queue_push_front(unsigned cls, rf_page *pg)
{
    rf_mem_heap *h = &rf_mem_heap_;
    pg->prev = NULL;
    pg->next = h->tail[cls] != NULL ? h->cur[cls] : NULL;
    if (pg->next != NULL)
        pg->next->prev = pg;
    else
        h->tail[cls] = pg;
    set_cur(cls, pg);
}

static void queue_remove(unsigned cls, rf_page *pg)
{
    rf_mem_heap *h = &rf_mem_heap_;
    if (pg->next != NULL)
        pg->next->prev = pg->prev;
    else
        h->tail[cls] = pg->prev;
    if (pg->prev != NULL)
        pg->prev->next = pg->next;
    else
        set_cur(cls, pg->next != NULL ? pg->next : EMPTY);
    pg->next = pg->prev = NULL;
}

/* --- pages --- */

/* Makes up to ~4 KiB of never-used blocks available on pg's free list.
 * Pre: pg->free == NULL and capacity < reserved. */
static void page_extend(rf_page *pg)
{
    uint32_t bs = pg->block_size;
    uint32_t n = 4096 / bs;
    if (n < 4)
        n = 4;
    uint32_t left = (uint32_t)pg->reserved - pg->capacity;
    if (n > left)
        n = left;
    char *first = pg->start + (size_t)pg->capacity * bs;
    char *b = first;
    if (pg->gc_state != NULL)
        memset(pg->gc_state + pg->capacity, 0, (size_t)n * sizeof(uint32_t));
    for (uint32_t i = 1; i < n; i++, b += bs)
        ((rf_block *)b)->next = (rf_block *)(b + bs);
    ((rf_block *)b)->next = NULL;
    pg->free = (rf_block *)first;
    pg->capacity = (uint16_t)(pg->capacity + n);
}

#define ROUND64(n) (((n) + 63) & ~(size_t)63)

/* Bytes of the gc-state table and of the free bitmap for n blocks. */
static size_t table_bytes(size_t n, int gc)
{
    return gc ? ROUND64(n * sizeof(uint32_t)) : 0;
}

static size_t bits_bytes(size_t n)
{
    return ROUND64((n + 63) / 64 * sizeof(uint64_t));
}

/* Lays out pg's area for blocks of bs bytes: the gc-state table first (one
 * word per block, rounded to a cache line) when bs can hold a tracked
 * object, then the free bitmap (cleared), then as many blocks as fit. */
static void page_layout(rf_page *pg, uint32_t bs)
{
    rf_segment *seg = (rf_segment *)((uintptr_t)pg & ~(RF_SEG_SIZE - 1));
    char *area = rf_mem_page_area_(pg);
    char *end = (char *)seg + ((size_t)pg->index + 1) * RF_PAGE_SIZE;
    size_t avail = (size_t)(end - area);
    int gc = bs >= RF_GC_TABLE_MIN_BLOCK;
    size_t n = avail * 8 / (8 * bs + 1 + (gc ? 8 * sizeof(uint32_t) : 0));
    while (table_bytes(n, gc) + bits_bytes(n) + n * bs > avail)
        n--;
    pg->gc_state = gc ? (uint32_t *)area : NULL;
    pg->start = area + table_bytes(n, gc) + bits_bytes(n);
    memset(pg->start - bits_bytes(n), 0, bits_bytes(n));
    pg->reserved = (uint16_t)n;
    pg->index_mul = (uint32_t)((((uint64_t)1 << 32) + bs - 1) / bs);
}

/* Assigns a free page to class cls; NULL when no memory. */
static rf_page *page_new(unsigned cls)
{
    rf_page *pg = rf_mem_page_take_();
    if (pg == NULL)
        return NULL;
    pg->block_size = rf_mem_class_size_[cls];
    pg->cls = (uint8_t)cls;
    page_layout(pg, pg->block_size);
    pg->capacity = 0;
    pg->allocs = pg->frees = 0;
    pg->free = NULL;
    pg->in_full = 0;
    pg->hot = 0;
    pg->in_use = 1;
    rf_mem_heap_.n_pages++;
    return pg;
}

/* The number of blocks in the free bitmap of pg, the current page of its
 * class (one phantom use), when its free list is empty. */
static uint32_t page_bits_count(const rf_page *pg)
{
    return pg->capacity - (rf_mem_page_used_(pg) - 1);
}

/* Moves the blocks set in pg's free bitmap onto its free list, in address
 * order, a bitmap word at a time until about 4 KiB of blocks (or all) are
 * on it. Pre: pg->free == NULL and the bitmap is not empty. */
static void page_collect(rf_page *pg)
{
    uint32_t bs = pg->block_size, want = 4096 / bs, got = 0;
    uint32_t words = ((uint32_t)pg->capacity + 63) / 64;
    rf_block *head = NULL, **tail = &head;
    for (uint32_t k = 0; k < words && got < want; k++) {
        uint64_t *wp = rf_mem_bits_word_(pg, k), w = *wp;
        *wp = 0;
        for (; w != 0; w &= w - 1, got++) {
            uint32_t i = k * 64 + (uint32_t)__builtin_ctzll(w);
            rf_block *b = (rf_block *)(pg->start + (size_t)i * bs);
            *tail = b;
            tail = &b->next;
        }
    }
    *tail = NULL;
    pg->free = head;
}

/* Pops a block from pg, the current page of its class, which has one on
 * its free list, in its bitmap or unbuilt. */
static void *page_pop(rf_page *pg)
{
    if (pg->free == NULL) {
        if (page_bits_count(pg) > 0)
            page_collect(pg);
        else
            page_extend(pg);
    }
    rf_block *b = pg->free;
    pg->free = b->next;
    pg->allocs++;
#ifdef RF_DEBUG
    memset(b, 0xCD, pg->block_size);
#endif
    return b;
}

void *rf_mem_alloc_slow_(unsigned cls)
{
    rf_mem_heap *h = &rf_mem_heap_;
    for (;;) {
        rf_page *pg = h->cur[cls];
        if (pg == EMPTY)
            break;
        if (pg->free != NULL || page_bits_count(pg) > 0 || pg->capacity < pg->reserved)
            return page_pop(pg);
        queue_remove(cls, pg);
        pg->in_full = 1;
        pg->allocs += RF_PAGE_FULL; /* the free fast path's test now fails */
    }
    rf_page *pg = page_new(cls);
    if (pg == NULL) {
        rf_error_set_(RF_ERR_NOMEM, "out of memory (small block of %u bytes)",
                      (unsigned)rf_mem_class_size_[cls]);
        return NULL;
    }
    queue_push_front(cls, pg);
    return page_pop(pg);
}

void rf_mem_free_slow_(rf_page *pg)
{
    if (pg->in_full) {
        pg->allocs -= RF_PAGE_FULL;
        pg->in_full = 0;
        queue_push_back(pg->cls, pg);
        return;
    }
    rf_mem_retire_(pg);
}

void rf_mem_retire_(rf_page *pg)
{
    queue_remove(pg->cls, pg);
    pg->in_use = 0;
    pg->free = NULL;
    rf_mem_heap_.n_pages--;
    rf_mem_page_give_(pg);
}

/* --- large blocks --- */

#define HUGE_PAGE ((uintptr_t)2 << 20)
#define HUGE_BLOCK_MIN ((size_t)4 << 20)

/* Asks for 2 MiB pages on the whole 2 MiB pages inside a big new block,
 * before it is touched: a big array (a million-item list) then costs a few
 * TLB entries instead of thousands. Best effort. */
static void advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    if (n < HUGE_BLOCK_MIN)
        return;
    uintptr_t lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(HUGE_PAGE - 1);
    if (hi > lo)
        madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}

void *rf_mem_alloc_large_(size_t n)
{
    void *p = malloc(n);
    if (p != NULL)
        advise_huge(p, n);
    if (p == NULL) {
        rf_error_set_(RF_ERR_NOMEM, "out of memory (%zu bytes)", n);
        return NULL;
    }
    rf_mem_heap_.large_live++;
    return p;
}

void rf_mem_free_large_(void *p)
{
    rf_mem_heap_.large_live--;
    free(p);
}

/* --- public API --- */

RF_HOT_ENTRY void *rf_mem_alloc(size_t n)
{
    return rf_mem_alloc_inline_(n);
}

void *rf_mem_calloc(size_t n)
{
    void *p = rf_mem_alloc_inline_(n);
    if (p != NULL)
        memset(p, 0, n);
    return p;
}

RF_HOT_ENTRY void rf_mem_free(void *p)
{
    rf_mem_free_inline_(p);
}

size_t rf_mem_usable_size(const void *p)
{
    if (p == NULL)
        return 0;
    if (rf_mem_is_small_((uintptr_t)p))
        return rf_mem_page_of_(p)->block_size;
    return malloc_usable_size((void *)p);
}

/* Moves p's contents to a fresh block of n bytes; p is freed on success. */
static void *realloc_move(void *p, size_t old, size_t n)
{
    void *q = rf_mem_alloc_inline_(n);
    if (q == NULL)
        return NULL;
    memcpy(q, p, old < n ? old : n);
    rf_mem_free_inline_(p);
    return q;
}

void *rf_mem_realloc(void *p, size_t n)
{
    if (p == NULL)
        return rf_mem_alloc_inline_(n);
    if (rf_mem_is_small_((uintptr_t)p)) {
        size_t bs = rf_mem_page_of_(p)->block_size;
        if (n <= bs && (n > bs / 2 || bs <= 16))
            return p;
        return realloc_move(p, bs, n);
    }
    if (n <= RF_MEM_SMALL_MAX || n >= HUGE_BLOCK_MIN) /* big: fresh, huge-page block */
        return realloc_move(p, malloc_usable_size(p), n);
#ifdef RF_DEBUG
    if (rf_debug_allow_ >= 0 && rf_debug_alloc_refused_())
        return NULL;
#endif
    void *q = realloc(p, n);
    if (q == NULL)
        rf_error_set_(RF_ERR_NOMEM, "out of memory (realloc to %zu bytes)", n);
    return q;
}

/* Retires the current pages that hold nothing but their phantom use. */
static void retire_empty_current_pages(void)
{
    for (unsigned cls = 0; cls < RF_NCLASSES; cls++) {
        rf_page *pg = rf_mem_heap_.cur[cls];
        if (pg != EMPTY && rf_mem_page_used_(pg) == 1)
            rf_mem_retire_(pg); /* queue_remove drops the phantom use */
    }
}

void rf_mem_trim(void)
{
    retire_empty_current_pages();
    rf_mem_cache_expire_(1);
}

size_t rf_mem_gc_state_count_(void)
{
    size_t n = 0;
    for (rf_segment *s = rf_mem_heap_.all; s != NULL; s = s->all_next) {
        for (unsigned i = 0; i < RF_PAGES_PER_SEG; i++) {
            const rf_page *pg = &s->pages[i];
            if (!pg->in_use || pg->gc_state == NULL)
                continue;
            for (uint32_t b = 0; b < pg->capacity; b++)
                n += pg->gc_state[b] != 0;
        }
    }
    return n;
}

void rf_mem_stats(rf_mem_info *out)
{
    rf_mem_heap *h = &rf_mem_heap_;
    memset(out, 0, sizeof *out);
    out->segments_mapped = h->n_mapped;
    out->segments_cached = h->n_cached;
    out->segments_released = h->n_released;
    out->pages_in_use = h->n_pages;
    out->large_live = h->large_live;
    out->bytes_mapped = h->n_mapped * RF_SEG_SIZE;
    for (rf_segment *s = h->all; s != NULL; s = s->all_next)
        for (unsigned i = 0; i < RF_PAGES_PER_SEG; i++)
            if (s->pages[i].in_use)
                out->small_live += rf_mem_page_used_(&s->pages[i]);
    for (unsigned cls = 0; cls < RF_NCLASSES; cls++)
        out->small_live -= h->cur[cls] != EMPTY; /* phantom uses */
}
