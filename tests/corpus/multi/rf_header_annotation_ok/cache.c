/* cache.c: cache_get returns a new reference, as cache.h declares. */
#include "cache.h"

rf_object *cache_get(rf_object *cache, rf_object *key)
{
    rf_object *v = rf_map_get(cache, key);
    if (v == NULL)
        return NULL;
    return rf_newref(v);
}
