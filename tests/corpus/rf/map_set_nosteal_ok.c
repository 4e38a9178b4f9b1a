/* map_set_nosteal_ok.c: correct twin of map_set_nosteal_bug.c.
 * rf_map_set only borrows key and value, so both are released after the
 * call whatever its status. */
#include <rf.h>

int set_count(rf_object *counts, const char *word, long n)
{
    rf_object *key = rf_str_new(word);
    if (key == NULL)
        return -1;
    rf_object *value = rf_int_new(n);
    if (value == NULL) {
        RF_DECREF(key);
        return -1;
    }
    int rc = rf_map_set(counts, key, value);
    RF_DECREF(key);
    RF_DECREF(value);
    return rc;
}
