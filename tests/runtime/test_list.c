/* test_list.c: the list type: append (borrows), get (borrowed, NULL out of
 * range), set (steals, even on failure), len, growth, errors.
 */
#include "rt_test.h"

static void test_append_get_len(void)
{
    rf_object *l = rf_list_new();
    CHECK(l != NULL);
    CHECK_EQ(rf_list_len(l), 0);
    for (long i = 0; i < 10000; i++) {
        rf_object *v = rf_int_new(i);
        CHECK_EQ(rf_list_append(l, v), 0);
        CHECK_EQ(RF_REFCNT(v), 2); /* ours + the list's */
        RF_DECREF(v);
    }
    CHECK_EQ(rf_list_len(l), 10000);
    long bad = 0;
    for (long i = 0; i < 10000; i++) {
        rf_object *v = rf_list_get(l, i);
        bad += v == NULL || rf_int_value(v) != i || RF_REFCNT(v) != 1;
    }
    CHECK_EQ(bad, 0);
    RF_DECREF(l);
    CHECK_EQ(rf_heap_count_type(&rf_int_type), 0);
}

static void test_get_out_of_range(void)
{
    rf_object *l = rf_list_new();
    rf_object *v = rf_str_new("x");
    CHECK_EQ(rf_list_append(l, v), 0);
    rf_error_clear();
    CHECK(rf_list_get(l, 1) == NULL);
    CHECK_EQ(rf_error(), RF_ERR_INDEX);
    CHECK(strstr(rf_error_message(), "out of range") != NULL);
    rf_error_clear();
    CHECK(rf_list_get(l, -1) == NULL);
    CHECK_EQ(rf_error(), RF_ERR_INDEX);
    CHECK(rf_list_get(l, 0) == v);
    RF_DECREF(v);
    RF_DECREF(l);
    rf_error_clear();
}

static void test_set_steals(void)
{
    rf_object *l = rf_list_new();
    rf_object *a = rf_int_new(1);
    CHECK_EQ(rf_list_append(l, a), 0);
    rf_object *b = rf_int_new(2);
    RF_INCREF(b); /* keep one to look at */
    CHECK_EQ(rf_list_set(l, 0, b), 0); /* the list now owns our other one */
    CHECK_EQ(RF_REFCNT(b), 2);
    CHECK_EQ(RF_REFCNT(a), 1); /* the list released a */
    CHECK(rf_list_get(l, 0) == b);
    RF_DECREF(a);
    RF_DECREF(b);
    RF_DECREF(l);
    CHECK_EQ(rf_heap_count_type(&rf_int_type), 0);
}

static void test_set_steals_on_failure(void)
{
    rf_object *l = rf_list_new();
    rf_object *c = rf_int_new(3);
    RF_INCREF(c);
    rf_error_clear();
    CHECK_EQ(rf_list_set(l, 5, c), -1); /* out of range: c is still stolen */
    CHECK_EQ(rf_error(), RF_ERR_INDEX);
    CHECK_EQ(RF_REFCNT(c), 1);
    rf_object *not_list = rf_int_new(0);
    RF_INCREF(c);
    CHECK_EQ(rf_list_set(not_list, 0, c), -1);
    CHECK_EQ(rf_error(), RF_ERR_TYPE);
    CHECK_EQ(RF_REFCNT(c), 1);
    CHECK_EQ(rf_list_set(l, 0, NULL), -1);
    CHECK_EQ(rf_error(), RF_ERR_VALUE);
    RF_DECREF(not_list);
    RF_DECREF(c);
    RF_DECREF(l);
    rf_error_clear();
}

static void test_type_errors(void)
{
    rf_object *i = rf_int_new(7);
    rf_error_clear();
    CHECK_EQ(rf_list_append(i, i), -1);
    CHECK_EQ(rf_error(), RF_ERR_TYPE);
    CHECK_EQ(RF_REFCNT(i), 1);
    CHECK_EQ(rf_list_len(i), -1);
    CHECK(rf_list_get(i, 0) == NULL);
    CHECK_EQ(rf_list_append(NULL, i), -1);
    rf_object *l = rf_list_new();
    CHECK_EQ(rf_list_append(l, NULL), -1);
    CHECK_EQ(rf_error(), RF_ERR_VALUE);
    CHECK_EQ(rf_list_len(l), 0);
    RF_DECREF(l);
    RF_DECREF(i);
    rf_error_clear();
}

static void test_list_holds_itself_until_collected(void)
{
    rf_object *l = rf_list_new();
    CHECK_EQ(rf_list_append(l, l), 0);
    CHECK_EQ(RF_REFCNT(l), 2);
    RF_DECREF(l);
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 1);
    CHECK_EQ(rf_gc_collect(), 1);
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 0);
}

int main(void)
{
    RT_RUN(test_append_get_len);
    RT_RUN(test_get_out_of_range);
    RT_RUN(test_set_steals);
    RT_RUN(test_set_steals_on_failure);
    RT_RUN(test_type_errors);
    RT_RUN(test_list_holds_itself_until_collected);
    return rt_finish();
}
