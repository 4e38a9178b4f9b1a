/* int.c: the built-in int type (an immutable long).
 *
 * Assumes: objects come from rf_object_alloc_ (object_internal.h).
 */
#include "builtins_internal.h"
#include "error_internal.h"
#include "object_internal.h"

rf_type rf_int_type = {
    .name = "int",
    .size = sizeof(rf_int),
};

rf_object *rf_int_new(long v)
{
    rf_object *o = rf_new(&rf_int_type);
    if (o == NULL)
        return NULL;
    ((rf_int *)o)->value = v;
    return o;
}

long rf_int_value(rf_object *o)
{
    if (o == NULL || !RF_INT_CHECK(o)) {
        rf_error_set_(RF_ERR_TYPE, "rf_int_value: not an int");
        return -1;
    }
    return ((rf_int *)o)->value;
}
