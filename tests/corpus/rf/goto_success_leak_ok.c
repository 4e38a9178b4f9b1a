/* goto_success_leak_ok.c: correct twin of goto_success_leak_bug.c.
 * The success path releases both the key and the value (rf_map_set took
 * its own references) and returns only the map, a new reference. */
#include <rf.h>

rf_object *entry_map(const char *k, const char *v)
{
    rf_object *map = NULL, *key = NULL, *value = NULL;

    map = rf_map_new();
    if (map == NULL)
        goto error;
    key = rf_str_new(k);
    if (key == NULL)
        goto error;
    value = rf_str_new(v);
    if (value == NULL)
        goto error;
    if (rf_map_set(map, key, value) < 0)
        goto error;
    RF_DECREF(value);
    RF_DECREF(key);
    return map;

error:
    RF_XDECREF(value);
    RF_XDECREF(key);
    RF_XDECREF(map);
    return NULL;
}
