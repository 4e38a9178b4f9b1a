/* mem_internal.h: the small-object allocator's data structures and its
 * inline fast paths, shared by mem.c, mem_segment.c and the object code.
 *
 * Assumes: single-threaded use; 64-bit pointers with user addresses below
 * 2^48 (others are treated as system-allocator blocks).
 *
 * Invariants:
 * - A segment is RF_SEG_SIZE bytes at an RF_SEG_SIZE-aligned address; its
 *   header (rf_segment, holding the 64 page descriptors) sits at the start
 *   of page 0. A block's page descriptor is found from its address alone:
 *   segment = address & ~(RF_SEG_SIZE - 1), page index = bits 16..21.
 * - rf_mem_segmap_[address >> RF_SEG_SHIFT] is 1 exactly for mapped
 *   segments, so rf_mem_free can tell our blocks from system ones. It is a
 *   byte per segment (64 MiB of zero pages in .bss, of which only the lines
 *   of mapped segments are ever touched): one byte compare on the free
 *   path, where a bitmap took a shift, a load and a bit test more.
 * - A page in use serves one size class. Its blocks are: used handed out,
 *   the rest either on its `free` list, or set in its free bitmap, or
 *   beyond `capacity` (never handed out yet). used + len(free) + bits ==
 *   capacity (+ 1 for a current page: the current page of a class holds
 *   one phantom use, so it never looks empty to the free fast path) and
 *   capacity <= reserved.
 * - Where a freed block goes: onto `free` when its page is its class's
 *   current page (`hot`: the next allocations of the class take it back
 *   while it is still in the CPU cache), else into the page's free bitmap
 *   (one bit per block, the words just below `start`: word k, for blocks
 *   64k..64k+63, at ((uint64_t *)start)[-1 - k]). A bitmap free writes
 *   nothing into the block, so freeing cold blocks (a batch freed in any
 *   order, a page that is not the one being allocated from) costs no cache
 *   miss on the block itself. The allocator moves bits to the free list
 *   (page_collect in mem.c) when the list is empty, before it builds new
 *   blocks.
 * - used is kept as two counters, used == allocs - frees (mod 2^32, plus
 *   RF_PAGE_FULL in allocs while the page is in_full): alloc counts in one,
 *   free in the other, so a LIFO alloc/free pair carries no read-modify-
 *   write chain through one word from each path to the other (the free
 *   path reads allocs only for its branch).
 * - direct[b] == cur[rf_mem_class_of_[b]] for every size bucket b.
 * - For each class, cur[cls] is the head of a doubly linked queue of pages
 *   that still have a free or unbuilt block (or &rf_mem_empty_page_ when the
 *   queue is empty; its free list is always NULL). A page whose blocks are
 *   all handed out leaves the queue and is flagged in_full; the first free
 *   into it puts it back at the tail.
 * - A page whose used count drops to 0 goes back to its segment (never the
 *   current page, thanks to its phantom use); a segment with no page in use goes to the
 *   cache and is unmapped after RF_SEG_CACHE_NS (or by rf_mem_trim). The cache
 *   is ordered by the time each segment entered it (newest at the head), so
 *   only its tail can be due: checking expiry costs O(1) when nothing is.
 * - A page of a class of RF_GC_TABLE_MIN_BLOCK bytes or more (big enough for a
 *   collector-tracked object) starts with its gc-state table: one 32-bit word
 *   per block, `gc_state[i]` for the block at start + i * block_size, then the
 *   blocks (from `start`, 64-byte aligned). Words [0, capacity) are valid;
 *   the allocator zeroes them as it builds blocks and never writes them
 *   otherwise: the object code sets a block's word while it holds a tracked
 *   object and zeroes it when the object dies, so a word is non-zero exactly
 *   for the blocks holding live tracked objects. Smaller classes have
 *   gc_state == NULL. The collector reads a child's state here, without
 *   touching the child's own cache line (CPython 3.13's and mimalloc's idea
 *   of per-page metadata).
 */
#ifndef RF_MEM_INTERNAL_H
#define RF_MEM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "rf.h"

#define RF_SEG_SHIFT 22
#define RF_SEG_SIZE ((uintptr_t)1 << RF_SEG_SHIFT)
#define RF_PAGE_SHIFT 16
#define RF_PAGE_SIZE ((uintptr_t)1 << RF_PAGE_SHIFT)
#define RF_PAGES_PER_SEG (RF_SEG_SIZE / RF_PAGE_SIZE)
#define RF_NCLASSES 24
#define RF_ADDR_BITS 48
#define RF_SEGMAP_LEN ((uintptr_t)1 << (RF_ADDR_BITS - RF_SEG_SHIFT))
#define RF_SEG_CACHE_NS 250000000LL /* empty segments live this long in the cache */

#define RF_PAGE_FULL 0x80000000u /* added to `allocs` while the page is in_full */
#define RF_GC_TABLE_MIN_BLOCK 32 /* smallest class whose pages carry a gc-state table */

#define rf_likely(x) __builtin_expect(!!(x), 1)
#define rf_unlikely(x) __builtin_expect(!!(x), 0)

typedef struct rf_block {
    struct rf_block *next;
} rf_block;

/* One cache line per page descriptor: the free path touches only this. */
typedef struct rf_page {
    rf_block *free;        /* blocks ready to hand out */
    uint32_t allocs;       /* blocks handed out, ever (+ RF_PAGE_FULL while in_full) */
    uint32_t frees;        /* blocks given back, ever: used == allocs - frees */
    uint16_t block_size;
    uint8_t hot;           /* its class's current page: frees go onto `free` */
    uint8_t cls;
    uint16_t capacity;     /* blocks built so far (handed out, on free or in the bitmap) */
    uint16_t reserved;     /* blocks that fit in the page (<= 64 KiB / 8) */
    uint8_t in_full;       /* all blocks handed out; not in the class queue */
    uint8_t in_use;        /* assigned to a class */
    uint8_t index;         /* in its segment */
    uint8_t spare;
    uint32_t index_mul;    /* ceil(2^32 / block_size): block index by multiplication */
    struct rf_page *next;  /* class queue, or the segment's free pages */
    struct rf_page *prev;
    char *start;           /* first block */
    uint32_t *gc_state;    /* the gc-state table, or NULL for small classes */
} __attribute__((aligned(64))) rf_page;

_Static_assert(sizeof(rf_page) == 64, "a page descriptor is one cache line");

typedef struct rf_segment {
    rf_page pages[RF_PAGES_PER_SEG]; /* first: a descriptor is segment | index * 64 */
    struct rf_segment *next; /* avail list or cache */
    struct rf_segment *prev;
    struct rf_segment *all_next; /* every mapped segment */
    struct rf_segment *all_prev;
    rf_page *free_pages;     /* pages not in use (singly linked via next) */
    uint32_t used_pages;
    uint8_t in_avail;        /* on the avail list */
    uint8_t in_cache;
    int64_t cached_at;       /* monotonic ns when it became empty */
} rf_segment;

_Static_assert(offsetof(rf_segment, pages) == 0, "rf_mem_page_of_ ORs the index in");

_Static_assert(sizeof(rf_page) == 1 << 6, "rf_mem_page_of_ scales the page index by 64");

#define RF_NBUCKETS (RF_MEM_SMALL_MAX / 8 + 1)

typedef struct rf_mem_heap {
    /* direct[(n + 7) / 8] == cur[class of n]: one load on the fast path */
    rf_page *direct[RF_NBUCKETS];
    rf_page *cur[RF_NCLASSES];  /* queue heads */
    rf_page *tail[RF_NCLASSES]; /* queue tails (NULL when empty) */
    rf_segment *avail;          /* in-use segments with free pages */
    rf_segment *cache;          /* empty segments, newest first (doubly linked) */
    rf_segment *cache_tail;     /* the oldest cached segment (NULL when none) */
    rf_segment *all;            /* every mapped segment */
    size_t n_mapped, n_cached, n_released, n_pages, large_live;
} rf_mem_heap;

extern rf_mem_heap rf_mem_heap_;
extern rf_page rf_mem_empty_page_;
extern const uint8_t rf_mem_class_of_[RF_NBUCKETS];
extern const uint32_t rf_mem_class_size_[RF_NCLASSES];
extern uint8_t rf_mem_segmap_[RF_SEGMAP_LEN];

/* Slow paths (mem.c), kept out of line so the fast paths need no stack
 * frame. Same ownership as rf_mem_alloc / rf_mem_free. */
#define RF_COLD __attribute__((noinline, cold))
/* The public fast-path entry points (rf_mem_alloc, rf_mem_free) start on a
 * cache line: the allocation path then fits in one 64-byte fetch block and
 * the free path in two, wherever the linker puts them. Left to the default
 * 16-byte alignment, the same code ran 10-25% slower or faster per call in
 * the LIFO benchmarks from one link to the next (tools/bench_runtime). */
#define RF_HOT_ENTRY __attribute__((aligned(64)))
RF_COLD void *rf_mem_alloc_slow_(unsigned cls);
RF_COLD void *rf_mem_alloc_large_(size_t n);
RF_COLD void rf_mem_free_large_(void *p);
RF_COLD void rf_mem_retire_(rf_page *pg);
/* After a free made pg's used count 0 or found it full. */
RF_COLD void rf_mem_free_slow_(rf_page *pg);

/* Segments (mem_segment.c). */
/* A free page from some segment (mapping one if needed), not yet assigned:
 * owned by the heap; NULL if the OS refused memory. */
rf_page *rf_mem_page_take_(void);
/* Gives an unused page back to its segment (may cache the segment). */
void rf_mem_page_give_(rf_page *pg);
/* Unmaps cached segments older than the delay (all when force). */
void rf_mem_cache_expire_(int force);
/* Where pg's usable area starts (its first byte after the segment header,
 * for page 0, and after its cache color). */
char *rf_mem_page_area_(const rf_page *pg);
/* The number of non-zero gc-state words over every page in use (for the
 * heap checker: it must equal the number of live small tracked objects). */
size_t rf_mem_gc_state_count_(void);

/* Debug hooks (debug.c): in RF_DEBUG builds allocation can be made to fail. */
extern long rf_debug_allow_;  /* allocations still allowed; -1 unlimited */
int rf_debug_alloc_refused_(void);

static inline int rf_mem_is_small_(uintptr_t a)
{
    uintptr_t s = a >> RF_SEG_SHIFT;
    return s < RF_SEGMAP_LEN && rf_mem_segmap_[s] != 0;
}

/* The descriptor of the page holding p: its index (address bits 16..21)
 * times 64, the descriptor size, is (a >> 10) masked, so the free path's
 * address arithmetic is two short steps ahead of the address mode. */
/* Blocks of pg handed out (the current page's phantom use included). */
static inline uint32_t rf_mem_page_used_(const rf_page *pg)
{
    return (pg->allocs - pg->frees) & ~RF_PAGE_FULL;
}

static inline rf_page *rf_mem_page_of_(const void *p)
{
    uintptr_t a = (uintptr_t)p;
    uintptr_t off = (a >> (RF_PAGE_SHIFT - 6)) & ((RF_PAGES_PER_SEG - 1) << 6);
    return (rf_page *)((a & ~(RF_SEG_SIZE - 1)) | off);
}

/* The index in pg of the block that starts at b. Exact for block starts:
 * b - start < 2^16 and index_mul = ceil(2^32 / block_size). */
static inline uint32_t rf_mem_block_index_(const rf_page *pg, uintptr_t b)
{
    uint64_t off = (uint32_t)(b - (uintptr_t)pg->start);
    return (uint32_t)((off * pg->index_mul) >> 32);
}

/* The gc-state word of the block that starts at b, a block of pg (a page
 * with a table). */
static inline uint32_t *rf_mem_gc_state_(const rf_page *pg, uintptr_t b)
{
    return &pg->gc_state[rf_mem_block_index_(pg, b)];
}

/* Word k of pg's free bitmap (blocks 64k..64k+63), below `start`. */
static inline uint64_t *rf_mem_bits_word_(const rf_page *pg, uint32_t k)
{
    return (uint64_t *)pg->start - 1 - k;
}

/* The allocation fast path: see rf_mem_alloc for the contract. */
static inline void *rf_mem_alloc_inline_(size_t n)
{
#ifdef RF_DEBUG
    if (rf_debug_allow_ >= 0 && rf_debug_alloc_refused_())
        return NULL;
#endif
    if (rf_likely(n <= RF_MEM_SMALL_MAX)) {
        size_t bucket = (n + 7) >> 3;
        rf_page *pg = rf_mem_heap_.direct[bucket];
        rf_block *b = pg->free;
        if (rf_likely(b != NULL)) {
            pg->free = b->next;
            pg->allocs++;
#ifdef RF_DEBUG
            memset(b, 0xCD, pg->block_size);
#endif
            return b;
        }
        return rf_mem_alloc_slow_(rf_mem_class_of_[bucket]);
    }
    return rf_mem_alloc_large_(n);
}

/* The free fast path: see rf_mem_free for the contract. */
static inline void rf_mem_free_inline_(void *p)
{
    if (rf_likely(rf_mem_is_small_((uintptr_t)p))) {
        rf_page *pg = rf_mem_page_of_(p);
        rf_block *b = (rf_block *)p;
#ifdef RF_DEBUG
        memset(b, 0xDB, pg->block_size);
#endif
        if (rf_likely(pg->hot)) {
            b->next = pg->free;
            pg->free = b;
        } else {
            uint32_t i = rf_mem_block_index_(pg, (uintptr_t)p);
            *rf_mem_bits_word_(pg, i >> 6) |= (uint64_t)1 << (i & 63);
        }
        /* one test for both rare cases: now empty, or was full (biased):
         * used == allocs - frees <= 0, as frees - allocs >= 0 (the two
         * differ only at used == 2^31, a full page left with no block) */
        uint32_t frees = pg->frees + 1;
        pg->frees = frees;
        if (rf_unlikely((int32_t)(frees - pg->allocs) >= 0))
            rf_mem_free_slow_(pg);
        return;
    }
    if (p != NULL)
        rf_mem_free_large_(p);
}

#endif
