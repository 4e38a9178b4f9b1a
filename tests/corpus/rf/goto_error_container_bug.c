/* goto_error_container_bug.c: goto-error cleanup that forgets the result.
 * make_record builds {"name": name, "age": age}. The error label releases
 * the temporaries but not the map itself, so every failure after the map
 * was created loses it at the error return. */
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
    return NULL; // expect: leak
}
