/* map_get_decref_bug.c: releasing a borrowed map value.
 * rf_map_get returns a borrowed reference; the settings map keeps
 * ownership. setting_int releases the value after reading it. */
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
    RF_DECREF(v); // expect: over-release
    return result;
}
