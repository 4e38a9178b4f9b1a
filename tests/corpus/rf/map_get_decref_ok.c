/* map_get_decref_ok.c: correct twin of map_get_decref_bug.c.
 * Only the key (a new reference) is released; the borrowed value is read
 * and left to the map. */
#include <rf.h>

long setting_int(rf_object *settings, const char *name, long dflt)
{
    rf_object *key = rf_str_new(name);
    if (key == NULL)
        return dflt;
    rf_object *v = rf_map_get(settings, key);
    RF_DECREF(key);
    if (v == NULL)
        return dflt;
    long result = rf_int_value(v);
    return result;
}
