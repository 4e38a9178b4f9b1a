/* user.c: registry_find (registry.c) returns a borrowed reference: the
 * caller reads it and lets it be. */
#include <rf.h>

rf_object *registry_find(rf_object *registry, rf_object *key);

long lookup_value(rf_object *registry, rf_object *key)
{
    rf_object *v = registry_find(registry, key);
    if (v == NULL)
        return -1;
    return rf_int_value(v);
}
