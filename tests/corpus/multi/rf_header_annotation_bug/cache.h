/* cache.h: the declaration its callers see promises a new reference. */
#include <rf.h>

RF_NEW_REF rf_object *cache_get(rf_object *cache, rf_object *key);
