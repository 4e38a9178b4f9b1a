/* borrowed_helper_return_bug.c: passing on a borrowed result as new.
 * find_by_name is RF_BORROWED_REF (the registry keeps its values).
 * registry_lookup has no annotation, so it must return a new reference,
 * but it returns the borrowed value unchanged. */
#include <rf.h>

RF_BORROWED_REF static rf_object *find_by_name(rf_object *registry, const char *name)
{
    rf_object *key = rf_str_new(name);
    if (key == NULL)
        return NULL;
    rf_object *v = rf_map_get(registry, key);
    RF_DECREF(key);
    return v;
}

rf_object *registry_lookup(rf_object *registry, const char *name)
{
    rf_object *v = find_by_name(registry, name);
    if (v == NULL)
        return NULL;
    return v; // expect: borrowed-return
}
