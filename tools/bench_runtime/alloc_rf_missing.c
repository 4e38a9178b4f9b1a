/* alloc_rf_missing.c: stands in for alloc_rf.c while the runtime (CMake target `rf`,
 * header runtime/include/rf.h) does not exist yet: the refflow column prints n/a. */
#include "alloc_backends.h"

void bench_rf_allocator(bench_allocator *out)
{
    out->name = "refflow";
    out->alloc = NULL;
    out->free = NULL;
    out->why_missing = "runtime target `rf` not built (runtime/include/rf.h missing)";
}
