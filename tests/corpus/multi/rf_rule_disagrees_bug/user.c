/* user.c: pool_take returns a new reference (pool.rules): released. */
#include <rf.h>

rf_object *pool_take(rf_object *pool);

long take_value(rf_object *pool)
{
    rf_object *v = pool_take(pool);
    if (v == NULL)
        return -1;
    long n = rf_int_value(v);
    RF_DECREF(v);
    return n;
}
