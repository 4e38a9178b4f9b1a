/* alloc_backends.c: glibc, mimalloc (via dlopen) and pymalloc as bench_allocator pairs.
 *
 * Assumes glibc (dladdr, malloc_usable_size), libmimalloc.so.2 in the loader's path
 * (Debian package libmimalloc2.0) and an initialized CPython 3.11 interpreter.
 */
#define _GNU_SOURCE
#include "alloc_backends.h"

#include <Python.h>
#include <dlfcn.h>
#include <gnu/libc-version.h>
#include <malloc.h>
#include <stdio.h>
#include <string.h>

/* Prints whether malloc (as this program and the default scope see it) comes from libc,
 * after mimalloc was loaded. Returns 1 when it does. */
static int check_glibc_malloc(void)
{
    Dl_info direct, deflt;
    void *via_scope = dlsym(RTLD_DEFAULT, "malloc");
    void *probe = malloc(20);
    size_t usable = malloc_usable_size(probe); /* glibc: 24 for a 20-byte request */
    int ok = dladdr((void *)malloc, &direct) && dladdr(via_scope, &deflt) &&
             strstr(direct.dli_fname, "libc.so") && strstr(deflt.dli_fname, "libc.so");
    free(probe);
    printf("  check     malloc resolves to %s (default scope: %s), malloc_usable_size(malloc(20))=%zu: %s\n",
           ok ? direct.dli_fname : "?", ok ? deflt.dli_fname : "?", usable,
           ok && usable == 24 ? "glibc malloc is glibc's (OK)" : "NOT glibc's malloc: glibc column INVALID");
    return ok && usable == 24;
}

static void load_mimalloc(bench_allocator *a)
{
    void *h = dlopen("libmimalloc.so.2", RTLD_NOW | RTLD_LOCAL);
    int (*version)(void);
    a->name = "mimalloc";
    if (!h) {
        a->why_missing = "libmimalloc.so.2 not found (apt-get install libmimalloc2.0)";
        return;
    }
    a->alloc = (void *(*)(size_t))dlsym(h, "mi_malloc");
    a->free = (void (*)(void *))dlsym(h, "mi_free");
    version = (int (*)(void))dlsym(h, "mi_version");
    if (!a->alloc || !a->free) {
        a->alloc = NULL;
        a->why_missing = "mi_malloc/mi_free not in libmimalloc.so.2";
        return;
    }
    printf("  mimalloc  libmimalloc.so.2 %d via dlopen(RTLD_LOCAL), mi_malloc/mi_free through dlsym\n",
           version ? version() : -1);
}

void bench_alloc_backends(bench_allocator all[BENCH_N_ALLOCATORS])
{
    memset(all, 0, sizeof(bench_allocator) * BENCH_N_ALLOCATORS);
    bench_rf_allocator(&all[BENCH_RF]);
    load_mimalloc(&all[BENCH_MIMALLOC]);
    all[BENCH_GLIBC] = (bench_allocator){ "glibc", malloc, free, NULL };
    all[BENCH_PYMALLOC] = (bench_allocator){ "pymalloc", PyObject_Malloc, PyObject_Free, NULL };
    printf("  glibc     %s\n", gnu_get_libc_version());
    printf("  pymalloc  CPython %.6s PyObject_Malloc/PyObject_Free, allocator '%s' (after Py_Initialize)\n",
           Py_GetVersion(), _PyMem_GetCurrentAllocatorName());
    check_glibc_malloc();
    for (int i = 0; i < BENCH_N_ALLOCATORS; i++)
        if (!all[i].alloc)
            printf("  MISSING   %s: %s\n", all[i].name, all[i].why_missing);
    printf("  calls     every allocator is called through a function pointer (none inlined), each from\n"
           "            its own copy of the pattern loops (a call site sees one allocator, as in a program)\n");
}
