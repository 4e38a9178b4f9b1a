/* rf/mem.h: the small-object allocator.
 *
 * Assumes: single-threaded use; blocks are freed by the same process only
 * through rf_mem_free/rf_mem_realloc.
 *
 * Design (see runtime/README.md): requests up to RF_MEM_SMALL_MAX bytes are
 * served from size-class pages (64 KiB) carved from 4 MiB segments that are
 * mmap'ed at 4 MiB alignment; a block's page is found by masking its address.
 * Larger requests go to the system allocator. Segments whose pages are all
 * free go back to the OS (after a short delay, or at once with rf_mem_trim).
 *
 * Alignment: 16 bytes for sizes that are multiples of 16 and for large
 * blocks; at least 8 bytes otherwise.
 */
#ifndef RF_MEM_H
#define RF_MEM_H

#include <stddef.h>

#define RF_MEM_SMALL_MAX 1024

/* Returns a block of at least n bytes (n == 0 gives a valid unique block),
 * owned by the caller, who frees it with rf_mem_free. NULL with RF_ERR_NOMEM
 * on failure. Contents are undefined. */
void *rf_mem_alloc(size_t n);
/* Like rf_mem_alloc, zero-filled. */
void *rf_mem_calloc(size_t n);
/* Resizes p (NULL: like rf_mem_alloc) keeping min(old, n) bytes. On failure
 * returns NULL with RF_ERR_NOMEM and p is still valid and still the
 * caller's. On success the caller owns the result and p is gone. */
void *rf_mem_realloc(void *p, size_t n);
/* Frees a block from rf_mem_alloc/calloc/realloc; NULL is ignored. */
void rf_mem_free(void *p);
/* The usable size of a live block (>= the size asked for). */
size_t rf_mem_usable_size(const void *p);
/* Gives every cached empty segment back to the OS now. */
void rf_mem_trim(void);

/* Counters, filled by rf_mem_stats (a snapshot; the caller owns it). */
typedef struct rf_mem_info {
    size_t segments_mapped;   /* 4 MiB segments currently mapped (incl. cache) */
    size_t segments_cached;   /* of those, empty ones kept for reuse */
    size_t segments_released; /* total ever given back to the OS */
    size_t pages_in_use;      /* 64 KiB pages assigned to a size class */
    size_t small_live;        /* small blocks handed out and not freed */
    size_t large_live;        /* large (system) blocks live */
    size_t bytes_mapped;      /* segments_mapped * segment size */
} rf_mem_info;
void rf_mem_stats(rf_mem_info *out);

#endif
