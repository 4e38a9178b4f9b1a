/* goto_error_double_ok.c: correct twin of goto_error_double_bug.c.
 * RF_CLEAR(k) releases k and sets it to NULL, so the error label's
 * RF_XDECREF(k) does nothing on the paths that reach it afterwards. */
#include <rf.h>

rf_object *make_header(const char *name, const char *value)
{
    rf_object *pair = NULL, *k = NULL, *v = NULL;

    pair = rf_list_new();
    if (pair == NULL)
        goto error;
    k = rf_str_new(name);
    if (k == NULL)
        goto error;
    if (rf_list_append(pair, k) < 0)
        goto error;
    RF_CLEAR(k);
    v = rf_str_new(value);
    if (v == NULL)
        goto error;
    if (rf_list_append(pair, v) < 0)
        goto error;
    RF_DECREF(v);
    return pair;

error:
    RF_XDECREF(k);
    RF_XDECREF(v);
    RF_XDECREF(pair);
    return NULL;
}
