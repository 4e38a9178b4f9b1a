/* test_map.c: the map type: set (borrows key and value), get (borrowed,
 * NULL when missing), del, value semantics for int and str keys, identity
 * for others, replacement, growth with deletions, iteration, errors.
 */
#include "rt_test.h"

static void test_set_get_del(void)
{
    rf_object *m = rf_map_new();
    rf_object *k = rf_str_new("key");
    rf_object *v = rf_int_new(10);
    CHECK_EQ(rf_map_set(m, k, v), 0);
    CHECK_EQ(RF_REFCNT(k), 2);
    CHECK_EQ(RF_REFCNT(v), 2);
    CHECK(rf_map_get(m, k) == v);
    CHECK_EQ(rf_map_len(m), 1);
    CHECK_EQ(rf_map_del(m, k), 0);
    CHECK_EQ(RF_REFCNT(k), 1);
    CHECK_EQ(RF_REFCNT(v), 1);
    CHECK_EQ(rf_map_len(m), 0);
    rf_error_clear();
    CHECK(rf_map_get(m, k) == NULL);
    CHECK_EQ(rf_error(), RF_ERR_KEY);
    rf_error_clear();
    CHECK_EQ(rf_map_del(m, k), -1);
    CHECK_EQ(rf_error(), RF_ERR_KEY);
    rf_error_clear();
    RF_DECREF(k);
    RF_DECREF(v);
    RF_DECREF(m);
}

static void test_value_keys(void)
{
    rf_object *m = rf_map_new();
    rf_object *i1 = rf_int_new(5), *i2 = rf_int_new(5);
    rf_object *s1 = rf_str_new("abc"), *s2 = rf_str_new("abc");
    rf_object *v1 = rf_int_new(1), *v2 = rf_int_new(2);
    CHECK_EQ(rf_map_set(m, i1, v1), 0);
    CHECK(rf_map_get(m, i2) == v1); /* equal ints are the same key */
    CHECK_EQ(rf_map_set(m, s1, v2), 0);
    CHECK(rf_map_get(m, s2) == v2);
    CHECK_EQ(rf_map_set(m, i2, v2), 0); /* replaces: v1 released by the map */
    CHECK_EQ(RF_REFCNT(v1), 1);
    CHECK_EQ(rf_map_len(m), 2);
    CHECK_EQ(RF_REFCNT(i2), 1); /* the map kept its original key */
    rf_object *l1 = rf_list_new(), *l2 = rf_list_new();
    CHECK_EQ(rf_map_set(m, l1, v1), 0);
    rf_error_clear();
    CHECK(rf_map_get(m, l2) == NULL); /* lists are keys by identity */
    CHECK(rf_map_get(m, l1) == v1);
    CHECK_EQ(rf_map_len(m), 3);
    rf_error_clear();
    RF_DECREF(m);
    rf_object *all[] = {i1, i2, s1, s2, v1, v2, l1, l2};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        CHECK_EQ(RF_REFCNT(all[i]), 1);
        RF_DECREF(all[i]);
    }
}

static void test_many_entries(void)
{
    enum { N = 100000 };
    rf_object *m = rf_map_new();
    for (long i = 0; i < N; i++) {
        rf_object *k = rf_int_new(i), *v = rf_int_new(i * 3);
        CHECK_EQ(rf_map_set(m, k, v), 0);
        RF_DECREF(k);
        RF_DECREF(v);
    }
    CHECK_EQ(rf_map_len(m), N);
    long bad = 0;
    for (long i = 0; i < N; i += 2) { /* delete the even keys */
        rf_object *k = rf_int_new(i);
        bad += rf_map_del(m, k) != 0;
        RF_DECREF(k);
    }
    for (long r = 0; r < 3; r++) { /* churn: reinsert and delete again */
        for (long i = 0; i < N; i += 2) {
            rf_object *k = rf_int_new(i);
            bad += rf_map_set(m, k, k) != 0;
            bad += rf_map_del(m, k) != 0;
            RF_DECREF(k);
        }
    }
    CHECK_EQ(bad, 0);
    CHECK_EQ(rf_map_len(m), N / 2);
    for (long i = 0; i < N; i++) {
        rf_object *k = rf_int_new(i);
        rf_object *v = rf_map_get(m, k);
        bad += (i % 2 == 0) ? v != NULL : (v == NULL || rf_int_value(v) != i * 3);
        RF_DECREF(k);
    }
    rf_error_clear();
    CHECK_EQ(bad, 0);
    CHECK_EQ(rf_heap_count_type(&rf_int_type), N);
    size_t pos = 0, seen = 0;
    rf_object *key, *value;
    long sum = 0;
    while (rf_map_next(m, &pos, &key, &value)) {
        seen++;
        sum += rf_int_value(value) - 3 * rf_int_value(key);
    }
    CHECK_EQ(seen, N / 2);
    CHECK_EQ(sum, 0);
    RF_DECREF(m);
    CHECK_EQ(rf_heap_count_type(&rf_int_type), 0);
}

static void test_errors(void)
{
    rf_object *m = rf_map_new();
    rf_object *k = rf_int_new(1);
    rf_error_clear();
    CHECK_EQ(rf_map_set(m, NULL, k), -1);
    CHECK_EQ(rf_error(), RF_ERR_VALUE);
    CHECK_EQ(rf_map_set(m, k, NULL), -1);
    CHECK_EQ(rf_map_set(k, k, k), -1);
    CHECK_EQ(rf_error(), RF_ERR_TYPE);
    CHECK(rf_map_get(k, k) == NULL);
    CHECK_EQ(rf_map_len(k), -1);
    CHECK_EQ(RF_REFCNT(k), 1);
    rf_error_clear();
    RF_DECREF(k);
    RF_DECREF(m);
}

static void test_map_cycle_collected(void)
{
    rf_object *m = rf_map_new();
    rf_object *k = rf_str_new("self");
    CHECK_EQ(rf_map_set(m, k, m), 0);
    RF_DECREF(k);
    RF_DECREF(m);
    CHECK_EQ(rf_heap_count_type(&rf_map_type), 1);
    CHECK_EQ(rf_gc_collect(), 1);
    CHECK_EQ(rf_heap_count_type(&rf_map_type), 0);
    CHECK_EQ(rf_heap_count_type(&rf_str_type), 0);
}

int main(void)
{
    RT_RUN(test_set_get_del);
    RT_RUN(test_value_keys);
    RT_RUN(test_many_entries);
    RT_RUN(test_errors);
    RT_RUN(test_map_cycle_collected);
    return rt_finish();
}
