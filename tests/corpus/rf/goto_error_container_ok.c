/* goto_error_container_ok.c: correct twin of goto_error_container_bug.c.
 * The error label releases everything that may be held, with RF_XDECREF
 * because any of the variables may still be NULL there; RF_CLEAR resets
 * the temporaries between the two entries so they are never released
 * twice. */
#include <rf.h>

rf_object *make_record(const char *name, long age)
{
    rf_object *rec = NULL, *key = NULL, *val = NULL;

    rec = rf_map_new();
    if (rec == NULL)
        goto error;
    key = rf_str_new("name");
    if (key == NULL)
        goto error;
    val = rf_str_new(name);
    if (val == NULL)
        goto error;
    if (rf_map_set(rec, key, val) < 0)
        goto error;
    RF_CLEAR(key);
    RF_CLEAR(val);

    key = rf_str_new("age");
    if (key == NULL)
        goto error;
    val = rf_int_new(age);
    if (val == NULL)
        goto error;
    if (rf_map_set(rec, key, val) < 0)
        goto error;
    RF_DECREF(key);
    RF_DECREF(val);
    return rec;

error:
    RF_XDECREF(key);
    RF_XDECREF(val);
    RF_XDECREF(rec);
    return NULL;
}
