/* pool.c: BUG: the rule (pool.rules) says pool_take returns a new
 * reference, but its body returns the pool's own: reported in the body. */
#include <rf.h>

rf_object *pool_take(rf_object *pool)
{
    return rf_list_get(pool, 0); // expect: borrowed-return
}
