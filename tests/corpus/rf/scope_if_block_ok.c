/* scope_if_block_ok.c: correct twin of scope_if_block_bug.c.
 * The int is released inside the block that owns it. */
#include <rf.h>

int log_code(rf_object *log, int verbose, long code)
{
    if (verbose) {
        rf_object *msg = rf_int_new(code);
        if (msg == NULL)
            return -1;
        if (rf_list_append(log, msg) < 0) {
            RF_DECREF(msg);
            return -1;
        }
        RF_DECREF(msg);
    }
    return 0;
}
