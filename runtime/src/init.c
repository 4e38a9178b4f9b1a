/* init.c: rf_init and rf_fini, the runtime's optional session bounds.
 *
 * Assumes: the runtime also initializes itself lazily, so rf_init is only
 * a convenience; single-threaded use.
 */
#include "mem_internal.h"
#include "object_internal.h"

void rf_init(void)
{
    rf_runtime_init_();
}

long rf_fini(void)
{
    rf_runtime_init_();
    long live = (long)rf_heap_count();
#ifdef RF_DEBUG
    if (live > 0) {
        FILE *err = rf_debug_stream_();
        fprintf(err, "rf: leak report: %ld object(s) still alive at rf_fini:\n", live);
        rf_heap_report_live(err);
        fflush(err);
    }
#endif
    rf_debug_flush_quarantine_();
    rf_mem_trim();
    return live;
}
