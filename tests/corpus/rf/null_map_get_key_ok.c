/* null_map_get_key_ok.c: correct twin of null_map_get_key_bug.c.
 * A failed key allocation is reported as -1 before the lookup. */
#include <rf.h>

long lookup_count(rf_object *counts, const char *word)
{
    rf_object *key = rf_str_new(word);
    if (key == NULL)
        return -1;
    rf_object *v = rf_map_get(counts, key);
    RF_XDECREF(key);
    if (v == NULL)
        return 0;
    return rf_int_value(v);
}
