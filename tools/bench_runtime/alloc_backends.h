/* alloc_backends.h: the allocators compared by the allocator table.
 *
 * Each allocator is a pair of plain function pointers; the patterns call every allocator
 * through them alike (no inlining for anyone), so the comparison is fair.
 * Column order is fixed: refflow (rf_mem_alloc/rf_mem_free), mimalloc, glibc malloc,
 * CPython's pymalloc (PyObject_Malloc/PyObject_Free).
 *
 * mimalloc is loaded with dlopen(RTLD_LOCAL) and called through dlsym'd mi_malloc/mi_free:
 * Debian's libmimalloc exports malloc/free, and linking it would silently replace glibc's
 * malloc for the whole process (the glibc column and CPython included).
 */
#ifndef BENCH_ALLOC_BACKENDS_H
#define BENCH_ALLOC_BACKENDS_H

#include <stddef.h>

enum { BENCH_RF, BENCH_MIMALLOC, BENCH_GLIBC, BENCH_PYMALLOC, BENCH_N_ALLOCATORS };

typedef struct bench_allocator {
    const char *name;
    void *(*alloc)(size_t size);   /* NULL when the allocator is unavailable */
    void (*free)(void *p);
    const char *why_missing;       /* set when alloc is NULL */
} bench_allocator;

/* Fills all[BENCH_N_ALLOCATORS] in column order and prints one line per allocator saying
 * where it comes from, plus the check that glibc's malloc is still glibc's. Requires
 * Py_Initialize() to have run (so pymalloc is configured as CPython configures it). */
void bench_alloc_backends(bench_allocator all[BENCH_N_ALLOCATORS]);

/* The refflow backend: alloc_rf.c when the runtime is built, alloc_rf_missing.c otherwise. */
void bench_rf_allocator(bench_allocator *out);

#endif
