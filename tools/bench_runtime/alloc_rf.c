/* alloc_rf.c: refflow's small-object allocator (rf_mem_alloc / rf_mem_free from <rf.h>)
 * as a bench_allocator. Assumes the runtime target `rf` is linked; the runtime initializes
 * itself on first use, rf_init() is called here so that cost is never timed. */
#include "alloc_backends.h"

#include <rf.h>

void bench_rf_allocator(bench_allocator *out)
{
    rf_init();
    out->name = "refflow";
    out->alloc = rf_mem_alloc;
    out->free = rf_mem_free;
    out->why_missing = NULL;
}
