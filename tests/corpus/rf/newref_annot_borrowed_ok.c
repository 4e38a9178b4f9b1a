/* newref_annot_borrowed_ok.c: correct twin of newref_annot_borrowed_bug.c.
 * Both returns hand out new references made with rf_newref. */
#include <rf.h>

RF_NEW_REF rf_object *config_default(rf_object *config, rf_object *fallback)
{
    rf_object *key = rf_str_new("default");
    if (key == NULL)
        return NULL;
    rf_object *v = rf_map_get(config, key);
    RF_DECREF(key);
    if (v == NULL)
        return rf_newref(fallback);
    return rf_newref(v);
}
