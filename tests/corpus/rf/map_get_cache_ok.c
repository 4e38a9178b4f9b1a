/* map_get_cache_ok.c: correct twin of map_get_cache_bug.c.
 * A cache hit returns the entry with a new reference (RF_INCREF); a miss
 * returns the new value, which the map also references. */
#include <rf.h>

rf_object *square_cached(rf_object *cache, rf_object *key, long n)
{
    rf_object *v = rf_map_get(cache, key);
    if (v != NULL) {
        RF_INCREF(v);
        return v;
    }
    v = rf_int_new(n * n);
    if (v == NULL)
        return NULL;
    if (rf_map_set(cache, key, v) < 0) {
        RF_DECREF(v);
        return NULL;
    }
    return v;
}
