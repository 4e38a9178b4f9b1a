/* user.c: BUG: make_point (defined in point.c, declared here without
 * annotation) returns a new reference; the caller drops it. Only the
 * summary from point.c tells this unit so. */
#include <rf.h>

rf_object *make_point(long x, long y);

long point_count(long x)
{
    rf_object *p = make_point(x, 0);
    if (p == NULL)
        return -1;
    long n = rf_list_len(p);
    return n; // expect: leak
}
