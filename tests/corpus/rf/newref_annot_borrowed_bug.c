/* newref_annot_borrowed_bug.c: an RF_NEW_REF function returning a borrowed
 * parameter.
 * config_default promises a new reference. When the key is missing it
 * returns the caller's fallback as is: a borrowed reference. */
#include <rf.h>

RF_NEW_REF rf_object *config_default(rf_object *config, rf_object *fallback)
{
    rf_object *key = rf_str_new("default");
    if (key == NULL)
        return NULL;
    rf_object *v = rf_map_get(config, key);
    RF_DECREF(key);
    if (v == NULL)
        return fallback; // expect: borrowed-return
    return rf_newref(v);
}
