/* cache.c: BUG: cache_get is declared RF_NEW_REF (cache.h) but returns the
 * cache's own reference: its body disagrees with its declaration and is
 * reported; callers in other files go by the declaration. */
#include "cache.h"

rf_object *cache_get(rf_object *cache, rf_object *key)
{
    return rf_map_get(cache, key); // expect: borrowed-return
}
