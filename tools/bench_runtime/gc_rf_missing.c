/* gc_rf_missing.c: stands in for gc_rf.c while the runtime (CMake target `rf`) is not
 * built: every refflow collector cell prints n/a and its target is NOT MEASURED. */
#include "gc_impl.h"

static const bench_gc_impl missing = {
    .name = "refflow",
    .object_desc = "rf_list",
    .why_missing = "runtime target `rf` not built (runtime/include/rf.h missing)",
};

const bench_gc_impl *bench_gc_rf(void)
{
    return &missing;
}
