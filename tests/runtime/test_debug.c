/* test_debug.c: debug mode (links rf_debug): a late RF_DECREF of a freed
 * object is reported with its type name and RF_ERR_UNDERFLOW, freed memory
 * is poisoned, the heap walker finds a corrupted refcount, and rf_fini
 * lists the objects still alive.
 */
#include "rt_test.h"

typedef struct widget {
    RF_OBJECT_HEAD
    long payload;
} widget;

static rf_type widget_type = {.name = "widget", .size = sizeof(widget)};

static char *captured;
static size_t captured_len;
static FILE *capture;

static void capture_start(void)
{
    capture = open_memstream(&captured, &captured_len);
    rf_debug_set_stream(capture);
}

static void capture_stop(void)
{
    rf_debug_set_stream(NULL);
    fclose(capture);
}

static void test_underflow_reported(void)
{
    rf_object *w = rf_new(&widget_type);
    ((widget *)w)->payload = 7;
    rf_object *alias = w;
    RF_DECREF(w); /* freed (quarantined) */
    CHECK_EQ(((widget *)alias)->payload, (long)0xDBDBDBDBDBDBDBDBULL); /* poisoned */
    rf_error_clear();
    capture_start();
    RF_DECREF(alias); /* the bug */
    capture_stop();
    CHECK_EQ(rf_error(), RF_ERR_UNDERFLOW);
    CHECK(strstr(captured, "refcount underflow") != NULL);
    CHECK(strstr(captured, "widget") != NULL);
    CHECK(strstr(captured, "RF_DECREF") != NULL);
    CHECK(strstr(rf_error_message(), "widget") != NULL);
    free(captured);
    rf_error_clear();
    capture_start();
    RF_INCREF(alias);
    capture_stop();
    CHECK_EQ(rf_error(), RF_ERR_UNDERFLOW);
    CHECK(strstr(captured, "RF_INCREF") != NULL);
    free(captured);
    rf_error_clear();
}

static void test_freed_memory_poisoned(void)
{
    unsigned char *p = rf_mem_alloc(64);
    memset(p, 0x11, 64);
    rf_mem_free(p);
    int poisoned = 1;
    for (int i = 8; i < 64; i++) /* the first word links the free list */
        poisoned &= p[i] == 0xDB;
    CHECK(poisoned);
}

static void test_heap_walker_finds_bad_refcount(void)
{
    rf_object *w = rf_new(&widget_type);
    capture_start();
    CHECK_EQ(rf_debug_check_heap(), 0);
    w->rf_refcnt = 0; /* corrupt it on purpose */
    CHECK_EQ(rf_debug_check_heap(), 1);
    w->rf_refcnt = 1;
    CHECK_EQ(rf_debug_check_heap(), 0);
    capture_stop();
    CHECK(strstr(captured, "widget") != NULL && strstr(captured, "refcount 0") != NULL);
    free(captured);
    RF_DECREF(w);
}

static void test_leak_report(void)
{
    rf_object *w = rf_new(&widget_type);
    rf_object *l = rf_list_new();
    CHECK_EQ(rf_list_append(l, w), 0);
    capture_start();
    CHECK_EQ(rf_fini(), 2);
    capture_stop();
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)w);
    CHECK(strstr(captured, "leak report: 2 object(s)") != NULL);
    CHECK(strstr(captured, addr) != NULL);
    CHECK(strstr(captured, "widget") != NULL && strstr(captured, "refcnt=2") != NULL);
    CHECK(strstr(captured, "list") != NULL && strstr(captured, "refcnt=1") != NULL);
    free(captured);
    RF_DECREF(w);
    RF_DECREF(l);
}

int main(void)
{
    CHECK_EQ(rf_debug_enabled(), 1);
    RT_RUN(test_underflow_reported);
    RT_RUN(test_freed_memory_poisoned);
    RT_RUN(test_heap_walker_finds_bad_refcount);
    RT_RUN(test_leak_report);
    return rt_finish();
}
