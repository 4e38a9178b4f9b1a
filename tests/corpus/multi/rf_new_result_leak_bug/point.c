/* point.c: make_point returns a new reference (the convention for an
 * object-returning function; nothing in its body says otherwise). */
#include <rf.h>

rf_object *make_point(long x, long y)
{
    rf_object *p = rf_list_new();
    if (p == NULL)
        return NULL;
    rf_object *vx = rf_int_new(x);
    if (vx == NULL || rf_list_append(p, vx) < 0) {
        RF_XDECREF(vx);
        RF_DECREF(p);
        return NULL;
    }
    RF_DECREF(vx);
    (void)y;
    return p;
}
