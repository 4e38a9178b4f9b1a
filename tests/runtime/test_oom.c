/* test_oom.c: out-of-memory paths, driven by the debug allocator's forced
 * failure (rf_debug_fail_after): every constructor returns NULL and every
 * status function -1 with RF_ERR_NOMEM, nothing leaks, containers stay
 * consistent, and a scenario run with failure injected at every possible
 * allocation ends with a healthy, empty heap. Links rf_debug.
 */
#include "rt_test.h"

static void test_constructors_fail_cleanly(void)
{
    rf_debug_fail_after(0);
    rf_error_clear();
    CHECK(rf_int_new(1) == NULL);
    CHECK_EQ(rf_error(), RF_ERR_NOMEM);
    CHECK(rf_str_new("abc") == NULL);
    CHECK(rf_list_new() == NULL);
    CHECK(rf_map_new() == NULL);
    CHECK(rf_mem_alloc(10) == NULL);
    CHECK(rf_mem_alloc(100000) == NULL);
    CHECK_EQ(rf_error(), RF_ERR_NOMEM);
    rf_debug_fail_after(-1);
    rf_error_clear();
    CHECK_EQ(rf_heap_count(), 0);
}

static void test_append_failure_keeps_list_and_item(void)
{
    rf_object *l = rf_list_new();
    rf_object *v = rf_int_new(1);
    rf_debug_fail_after(0); /* the items array cannot be allocated */
    CHECK_EQ(rf_list_append(l, v), -1);
    CHECK_EQ(rf_error(), RF_ERR_NOMEM);
    rf_debug_fail_after(-1);
    CHECK_EQ(RF_REFCNT(v), 1);
    CHECK_EQ(rf_list_len(l), 0);
    CHECK_EQ(rf_list_append(l, v), 0);
    CHECK_EQ(rf_list_len(l), 1);
    RF_DECREF(v);
    RF_DECREF(l);
    rf_error_clear();
}

static void test_map_set_failure_takes_no_reference(void)
{
    rf_object *m = rf_map_new();
    rf_object *k = rf_int_new(1);
    rf_debug_fail_after(0);
    CHECK_EQ(rf_map_set(m, k, k), -1);
    CHECK_EQ(rf_error(), RF_ERR_NOMEM);
    rf_debug_fail_after(-1);
    CHECK_EQ(RF_REFCNT(k), 1);
    CHECK_EQ(rf_map_len(m), 0);
    RF_DECREF(k);
    RF_DECREF(m);
    rf_error_clear();
}

static void test_realloc_failure_keeps_block(void)
{
    char *p = rf_mem_alloc(16);
    strcpy(p, "still here");
    rf_debug_fail_after(0);
    CHECK(rf_mem_realloc(p, 5000) == NULL);
    rf_debug_fail_after(-1);
    CHECK(strcmp(p, "still here") == 0);
    rf_mem_free(p);
    rf_error_clear();
}

/* Builds a map of str -> list of ints with a cycle back to the map; returns
 * 0 on success, -1 on failure (having released everything it made). Every
 * failure must be NOMEM. */
static int scenario(long *wrong_error)
{
    rf_object *m = rf_map_new();
    if (m == NULL)
        goto fail;
    for (int i = 0; i < 20; i++) {
        char name[16];
        snprintf(name, sizeof name, "key%d", i);
        rf_object *k = rf_str_new(name);
        rf_object *l = rf_list_new();
        rf_object *v = rf_int_new(i);
        int ok = k != NULL && l != NULL && v != NULL && rf_list_append(l, v) == 0 &&
                 rf_list_append(l, m) == 0 && rf_map_set(m, k, l) == 0;
        RF_XDECREF(k);
        RF_XDECREF(l);
        RF_XDECREF(v);
        if (!ok) {
            RF_DECREF(m);
            goto fail;
        }
    }
    RF_DECREF(m);
    return 0;
fail:
    *wrong_error += rf_error() != RF_ERR_NOMEM;
    return -1;
}

static void test_failure_at_every_allocation(void)
{
    long wrong_error = 0, failed_runs = 0, unhealthy = 0;
    for (long n = 0;; n++) {
        rf_error_clear();
        rf_debug_fail_after(n);
        int r = scenario(&wrong_error);
        rf_debug_fail_after(-1);
        rf_gc_collect(); /* the cycles through m */
        unhealthy += rf_heap_count() != 0 || rf_debug_check_heap() != 0;
        if (r == 0)
            break;
        failed_runs++;
    }
    CHECK(failed_runs > 40); /* every allocation point was hit */
    CHECK_EQ(wrong_error, 0);
    CHECK_EQ(unhealthy, 0);
    rf_error_clear();
}

int main(void)
{
    CHECK_EQ(rf_debug_enabled(), 1);
    rf_gc_disable(); /* keep allocation counts deterministic */
    RT_RUN(test_constructors_fail_cleanly);
    RT_RUN(test_append_failure_keeps_list_and_item);
    RT_RUN(test_map_set_failure_takes_no_reference);
    RT_RUN(test_realloc_failure_keeps_block);
    RT_RUN(test_failure_at_every_allocation);
    return rt_finish();
}
