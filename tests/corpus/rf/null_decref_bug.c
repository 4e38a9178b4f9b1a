/* null_decref_bug.c: RF_DECREF of a reference that may be NULL.
 * warm_cache allocates before checking whether the entry already exists.
 * The early-exit branch releases v before v was ever checked: if
 * rf_int_new failed, RF_DECREF dereferences NULL. */
#include <rf.h>

int warm_cache(rf_object *cache, rf_object *key, long n)
{
    rf_object *v = rf_int_new(n);
    if (rf_map_get(cache, key) != NULL) {
        RF_DECREF(v); // expect: null-deref
        return 0;
    }
    if (v == NULL)
        return -1;
    int rc = rf_map_set(cache, key, v);
    RF_DECREF(v);
    return rc;
}
