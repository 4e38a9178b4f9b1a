/* goto_success_leak_bug.c: the success path skips the cleanup.
 * entry_map releases everything on the error path, but the success path
 * only releases the value: the key (the map holds its own reference to it)
 * is lost at the successful return. */
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
    return map; // expect: leak

error:
    RF_XDECREF(value);
    RF_XDECREF(key);
    RF_XDECREF(map);
    return NULL;
}
