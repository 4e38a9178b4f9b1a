/* user.c: BUG: registry_find (registry.c) returns a borrowed reference;
 * the caller releases it. */
#include <rf.h>

rf_object *registry_find(rf_object *registry, rf_object *key);

long lookup_value(rf_object *registry, rf_object *key)
{
    rf_object *v = registry_find(registry, key);
    if (v == NULL)
        return -1;
    long n = rf_int_value(v);
    RF_DECREF(v); // expect: over-release
    return n;
}
