/* null_decref_ok.c: correct twin of null_decref_bug.c.
 * The early-exit branch uses RF_XDECREF, which accepts a NULL v. */
#include <rf.h>

int warm_cache(rf_object *cache, rf_object *key, long n)
{
    rf_object *v = rf_int_new(n);
    if (rf_map_get(cache, key) != NULL) {
        RF_XDECREF(v);
        return 0;
    }
    if (v == NULL)
        return -1;
    int rc = rf_map_set(cache, key, v);
    RF_DECREF(v);
    return rc;
}
