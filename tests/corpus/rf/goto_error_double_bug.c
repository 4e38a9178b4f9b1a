/* goto_error_double_bug.c: double release through a goto-error label.
 * After appending k, the code drops its reference with RF_DECREF but leaves
 * the pointer in k. If a later step fails, the error label's RF_XDECREF(k)
 * releases it a second time. RF_CLEAR(k) (which also sets k to NULL) is the
 * fix. */
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
    RF_DECREF(k);
    v = rf_str_new(value);
    if (v == NULL)
        goto error;
    if (rf_list_append(pair, v) < 0)
        goto error;
    RF_DECREF(v);
    return pair;

error:
    RF_XDECREF(k); // expect: over-release, use-after-release
    RF_XDECREF(v);
    RF_XDECREF(pair);
    return NULL;
}
