/* user.c: cache_get's declaration (cache.h) promises a new reference,
 * which the caller releases: the annotation ranks above any summary. */
#include "cache.h"

long cached_value(rf_object *cache, rf_object *key)
{
    rf_object *v = cache_get(cache, key);
    if (v == NULL)
        return -1;
    long n = rf_int_value(v);
    RF_DECREF(v);
    return n;
}
