/* null_map_get_key_bug.c: an unchecked key passed to rf_map_get.
 * lookup_count builds a str key for the lookup but does not check that
 * rf_str_new succeeded; rf_map_get's key argument does not accept NULL.
 * (The key is released with the NULL-safe RF_XDECREF.) */
#include <rf.h>

long lookup_count(rf_object *counts, const char *word)
{
    rf_object *key = rf_str_new(word);
    rf_object *v = rf_map_get(counts, key); // expect: null-deref
    RF_XDECREF(key);
    if (v == NULL)
        return 0;
    return rf_int_value(v);
}
