/* pool.c: pool_take returns a new reference, as pool.rules says. */
#include <rf.h>

rf_object *pool_take(rf_object *pool)
{
    rf_object *v = rf_list_get(pool, 0);
    if (v == NULL)
        return NULL;
    return rf_newref(v);
}
