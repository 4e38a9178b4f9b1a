/* borrowed_helper_return_ok.c: correct twin of borrowed_helper_return_bug.c.
 * registry_lookup turns the borrowed value into a new reference with
 * rf_newref before returning it. */
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
    return rf_newref(v);
}
