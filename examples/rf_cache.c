/* rf_cache.c: code written against refflow's own runtime (rf.h) with the
 * mistakes refflow is for. `scripts/demo.sh` runs refflow over it. */
#include <rf.h>

/* Correct: builds [0, 1, ..., n-1]; each int is released after append. */
rf_object *make_range(long n) {
    rf_object *list = rf_list_new();
    if (!list)
        return NULL;
    for (long i = 0; i < n; i++) {
        rf_object *v = rf_int_new(i);
        if (!v)
            goto error;
        int rc = rf_list_append(list, v);
        RF_DECREF(v);
        if (rc < 0)
            goto error;
    }
    return list;
error:
    RF_DECREF(list);
    return NULL;
}

/* Bug: rf_list_append does not steal, so each name leaks at the end of the
 * loop body. */
int add_names(rf_object *list, const char **names, int n) {
    for (int i = 0; i < n; i++) {
        rf_object *s = rf_str_new(names[i]);
        if (!s)
            return -1;
        if (rf_list_append(list, s) < 0) {
            RF_DECREF(s);
            return -1;
        }
    }
    return 0;
}

/* Bug: the cached value is borrowed from the map; releasing it takes a
 * reference the map still counts on. */
long cached_value(rf_object *cache, rf_object *key) {
    rf_object *v = rf_map_get(cache, key);
    if (!v)
        return -1;
    long result = rf_int_value(v);
    RF_DECREF(v);
    return result;
}

/* Bug: released, then used. */
long sum_and_drop(rf_object *list) {
    rf_object *total = rf_int_new(rf_list_len(list));
    if (!total)
        return -1;
    RF_DECREF(total);
    return rf_int_value(total);
}
