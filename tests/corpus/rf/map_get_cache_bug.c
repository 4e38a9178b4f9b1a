/* map_get_cache_bug.c: a memoizing cache returning its borrowed entry.
 * square_cached returns new references. On a cache miss it returns the
 * new value it created (correct), but on a hit it returns the map's
 * borrowed value without adding a reference. */
#include <rf.h>

rf_object *square_cached(rf_object *cache, rf_object *key, long n)
{
    rf_object *v = rf_map_get(cache, key);
    if (v != NULL)
        return v; // expect: borrowed-return
    v = rf_int_new(n * n);
    if (v == NULL)
        return NULL;
    if (rf_map_set(cache, key, v) < 0) {
        RF_DECREF(v);
        return NULL;
    }
    return v;
}
