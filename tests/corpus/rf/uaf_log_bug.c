/* uaf_log_bug.c: logging a value after releasing it.
 * put_answer releases key and val once rf_map_set has taken its own
 * references, then reads val for a log line: the function's reference is
 * gone at that point. */
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
    RF_DECREF(key);
    RF_DECREF(val);
    if (rc == 0)
        printf("answer = %ld\n", rf_int_value(val)); // expect: use-after-release
    return rc;
}
