/* switch_default_bug.c: a switch's default case returns without cleanup.
 * status_entry builds {code: label}. The map is created before the switch,
 * and the default case (unknown code) returns NULL, losing it. */
#include <rf.h>

rf_object *status_entry(int code)
{
    rf_object *map = rf_map_new();
    if (map == NULL)
        return NULL;
    const char *label;
    switch (code) {
    case 200:
        label = "ok";
        break;
    case 404:
        label = "not found";
        break;
    default:
        return NULL; // expect: leak
    }
    rf_object *key = rf_int_new(code);
    rf_object *value = rf_str_new(label);
    if (key == NULL || value == NULL || rf_map_set(map, key, value) < 0) {
        RF_XDECREF(key);
        RF_XDECREF(value);
        RF_DECREF(map);
        return NULL;
    }
    RF_DECREF(key);
    RF_DECREF(value);
    return map;
}
