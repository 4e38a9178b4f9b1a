/* test_object.c: objects and the refcount primitives: rf_new, INCREF/
 * DECREF/CLEAR/SETREF/newref, destruction cascades (including a
 * 10-million-long chain and a 1-million-deep list nesting, which must not
 * overflow the C stack), bad types, and per-type counts.
 */
#include "rt_test.h"

/* A singly linked chain node that is not collector-tracked. */
typedef struct chain {
    RF_OBJECT_HEAD
    rf_object *next;
    long tag;
} chain;

static long chain_deallocs;

static void chain_dealloc(rf_object *self)
{
    chain_deallocs++;
    RF_CLEAR(((chain *)self)->next);
}

static rf_type chain_type = {.name = "chain", .size = sizeof(chain), .dealloc = chain_dealloc};

static void test_new_and_release(void)
{
    rf_object *o = rf_new(&chain_type);
    CHECK(o != NULL);
    CHECK_EQ(RF_REFCNT(o), 1);
    CHECK(RF_TYPE(o) == &chain_type);
    CHECK(((chain *)o)->next == NULL && ((chain *)o)->tag == 0);
    CHECK_EQ(rf_heap_count_type(&chain_type), 1);
    RF_INCREF(o);
    RF_XINCREF(o);
    CHECK_EQ(RF_REFCNT(o), 3);
    RF_XDECREF(o);
    RF_DECREF(o);
    long before = chain_deallocs;
    RF_DECREF(o);
    CHECK_EQ(chain_deallocs, before + 1);
    CHECK_EQ(rf_heap_count_type(&chain_type), 0);
    RF_XINCREF(NULL);
    RF_XDECREF(NULL);
}

static void test_clear_setref_newref(void)
{
    rf_object *a = rf_int_new(1);
    rf_object *b = rf_int_new(2);
    rf_object *c = rf_newref(a);
    CHECK(c == a);
    CHECK_EQ(RF_REFCNT(a), 2);
    RF_SETREF(c, b); /* c's old value (a) loses one, c now owns b */
    CHECK_EQ(RF_REFCNT(a), 1);
    CHECK(c == b);
    RF_CLEAR(c);
    CHECK(c == NULL);
    RF_CLEAR(c); /* no-op on NULL */
    RF_DECREF(a);
    CHECK_EQ(rf_heap_count_type(&rf_int_type), 0);
}

/* A chain head -> ... of n nodes; returns the head (new reference). */
static rf_object *build_chain(long n)
{
    rf_object *head = NULL;
    for (long i = 0; i < n; i++) {
        rf_object *node = rf_new(&chain_type);
        if (node == NULL)
            break;
        ((chain *)node)->next = head; /* steals our reference to the old head */
        ((chain *)node)->tag = i;
        head = node;
    }
    return head;
}

static void test_ten_million_chain(void)
{
    long n = 10 * 1000 * 1000;
    rf_object *head = build_chain(n);
    CHECK_EQ(rf_heap_count_type(&chain_type), n);
    long before = chain_deallocs;
    RF_DECREF(head); /* must not overflow the stack */
    CHECK_EQ(chain_deallocs - before, n);
    CHECK_EQ(rf_heap_count_type(&chain_type), 0);
}

static void test_deep_list_nesting(void)
{
    long n = 1000 * 1000;
    rf_gc_disable();
    rf_object *outer = rf_list_new();
    for (long i = 0; i < n && outer != NULL; i++) {
        rf_object *l = rf_list_new();
        CHECK_EQ(rf_list_append(l, outer), 0);
        RF_DECREF(outer);
        outer = l;
    }
    CHECK_EQ(rf_heap_count_type(&rf_list_type), n + 1);
    RF_DECREF(outer);
    CHECK_EQ(rf_heap_count_type(&rf_list_type), 0);
    rf_gc_enable();
}

static void test_bad_types(void)
{
    rf_type tiny = {.name = "tiny", .size = 4};
    rf_error_clear();
    CHECK(rf_new(&tiny) == NULL);
    CHECK_EQ(rf_error(), RF_ERR_TYPE);
    rf_type half = {.name = "half", .size = sizeof(rf_object) + 8,
                    .traverse = (rf_traverseproc)1};
    rf_error_clear();
    CHECK(rf_new(&half) == NULL);
    CHECK_EQ(rf_error(), RF_ERR_TYPE);
    CHECK(strstr(rf_error_message(), "traverse without clear") != NULL);
    rf_error_clear();
    CHECK(rf_new(NULL) == NULL);
    CHECK_EQ(rf_error(), RF_ERR_VALUE);
    rf_error_clear();
    CHECK_EQ(rf_error(), RF_OK);
}

static void count_types(const rf_type *type, size_t live, void *arg)
{
    if (type == &rf_int_type)
        *(size_t *)arg = live;
}

static void test_counts(void)
{
    size_t before = rf_heap_count();
    rf_object *v[10];
    for (int i = 0; i < 10; i++)
        v[i] = rf_int_new(i);
    CHECK_EQ(rf_heap_count(), before + 10);
    CHECK_EQ(rf_heap_count_type(&rf_int_type), 10);
    size_t seen = 0;
    rf_heap_foreach_type(count_types, &seen);
    CHECK_EQ(seen, 10);
    for (int i = 0; i < 10; i++)
        RF_DECREF(v[i]);
    CHECK_EQ(rf_heap_count(), before);
}

static void test_int_and_str(void)
{
    rf_object *i = rf_int_new(-42);
    CHECK_EQ(rf_int_value(i), -42);
    rf_object *s = rf_str_new("hello");
    CHECK(strcmp(rf_str_data(s), "hello") == 0);
    CHECK_EQ(rf_str_len(s), 5);
    rf_object *z = rf_str_new_len("a\0b", 3);
    CHECK_EQ(rf_str_len(z), 3);
    CHECK(memcmp(rf_str_data(z), "a\0b", 4) == 0);
    char big[3000];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    rf_object *l = rf_str_new(big); /* larger than the small-object limit */
    CHECK_EQ(rf_str_len(l), sizeof big - 1);
    rf_error_clear();
    CHECK_EQ(rf_int_value(s), -1);
    CHECK_EQ(rf_error(), RF_ERR_TYPE);
    CHECK(rf_str_data(i) == NULL);
    CHECK(rf_str_new(NULL) == NULL);
    CHECK_EQ(rf_error(), RF_ERR_VALUE);
    rf_error_clear();
    RF_DECREF(i);
    RF_DECREF(s);
    RF_DECREF(z);
    RF_DECREF(l);
}

int main(void)
{
    rf_init();
    RT_RUN(test_new_and_release);
    RT_RUN(test_clear_setref_newref);
    RT_RUN(test_ten_million_chain);
    RT_RUN(test_deep_list_nesting);
    RT_RUN(test_bad_types);
    RT_RUN(test_counts);
    RT_RUN(test_int_and_str);
    return rt_finish();
}
