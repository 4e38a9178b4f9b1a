/* scope_if_block_bug.c: a leak at the end of an if block.
 * In verbose mode log_code appends the code to a log list. The new int is
 * declared inside the if block and never released after a successful
 * append, so it is lost at that block's closing brace. */
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
    } // expect: leak
    return 0;
}
