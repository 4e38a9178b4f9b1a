/* user.c: the caller releases make_point's new reference (point.c). */
#include <rf.h>

rf_object *make_point(long x, long y);

long point_count(long x)
{
    rf_object *p = make_point(x, 0);
    if (p == NULL)
        return -1;
    long n = rf_list_len(p);
    RF_DECREF(p);
    return n;
}
