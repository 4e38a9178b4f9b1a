/* registry.c: registry_find returns the registry's own reference
 * (RF_BORROWED_REF on the definition only). */
#include <rf.h>

RF_BORROWED_REF rf_object *registry_find(rf_object *registry, rf_object *key)
{
    return rf_map_get(registry, key);
}
