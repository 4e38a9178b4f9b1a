/* map_set_nosteal_bug.c: leak because rf_map_set does not steal.
 * set_count treats rf_map_set as if it took over the value (like
 * rf_list_set does). It does not: the map takes its own references to key
 * and value, so the caller's value reference is lost at the return. */
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
    return rc; // expect: leak
}
