/* uaf_log_ok.c: correct twin of uaf_log_bug.c.
 * The value is logged while the function still owns it. */
#include <stdio.h>
#include <rf.h>

int put_answer(rf_object *map)
{
    rf_object *key = rf_str_new("answer");
    if (key == NULL)
        return -1;
    rf_object *val = rf_int_new(42);
    if (val == NULL) {
        RF_DECREF(key);
        return -1;
    }
    int rc = rf_map_set(map, key, val);
    if (rc == 0)
        printf("answer = %ld\n", rf_int_value(val));
    RF_DECREF(key);
    RF_DECREF(val);
    return rc;
}
