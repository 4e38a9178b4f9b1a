/* list.c: the built-in list type: a growable array of owned references,
 * tracked by the collector.
 *
 * Assumes: the ownership invariants in rf/builtins.h; the items array is a
 * block from the small-object allocator owned by the list.
 */
#include "builtins_internal.h"
#include "error_internal.h"
#include "mem_internal.h"
#include "object_internal.h"

static int list_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    rf_list *l = (rf_list *)self;
    for (long i = 0; i < l->len; i++) {
        int r = visit(l->items[i], arg);
        if (r != 0)
            return r;
    }
    return 0;
}

/* Empties the list first, then releases the items, so a destructor that
 * looks at the list sees it empty. */
static void list_clear(rf_object *self)
{
    rf_list *l = (rf_list *)self;
    rf_object **items = l->items;
    long n = l->len;
    l->items = NULL;
    l->len = l->cap = 0;
    for (long i = 0; i < n; i++)
        RF_DECREF(items[i]);
    rf_mem_free(items);
}

rf_type rf_list_type = {
    .name = "list",
    .size = sizeof(rf_list),
    .traverse = list_traverse,
    .clear = list_clear,
};

rf_object *rf_list_new(void)
{
    return rf_new(&rf_list_type);
}

static int check_list(rf_object *list, const char *fn)
{
    if (list == NULL || !RF_LIST_CHECK(list)) {
        rf_error_set_(RF_ERR_TYPE, "%s: not a list", fn);
        return -1;
    }
    return 0;
}

/* Makes room for at least one more item; -1 on out of memory. */
static int list_grow(rf_list *l)
{
    if (l->len < l->cap)
        return 0;
    long cap = l->cap < 4 ? 4 : l->cap + l->cap / 2;
    rf_object **items = rf_mem_realloc(l->items, (size_t)cap * sizeof(rf_object *));
    if (items == NULL)
        return -1;
    l->items = items;
    l->cap = cap;
    return 0;
}

int rf_list_append(rf_object *list, rf_object *item)
{
    if (check_list(list, "rf_list_append") < 0)
        return -1;
    if (item == NULL) {
        rf_error_set_(RF_ERR_VALUE, "rf_list_append: NULL item");
        return -1;
    }
    rf_list *l = (rf_list *)list;
    if (list_grow(l) < 0)
        return -1;
    RF_INCREF(item);
    l->items[l->len++] = item;
    return 0;
}

rf_object *rf_list_get(rf_object *list, long i)
{
    if (check_list(list, "rf_list_get") < 0)
        return NULL;
    rf_list *l = (rf_list *)list;
    if (i < 0 || i >= l->len) {
        rf_error_set_(RF_ERR_INDEX, "rf_list_get: index %ld out of range (length %ld)", i, l->len);
        return NULL;
    }
    return l->items[i];
}

int rf_list_set(rf_object *list, long i, rf_object *item)
{
    if (item == NULL) {
        rf_error_set_(RF_ERR_VALUE, "rf_list_set: NULL item");
        return -1;
    }
    if (check_list(list, "rf_list_set") < 0) {
        RF_DECREF(item);
        return -1;
    }
    rf_list *l = (rf_list *)list;
    if (i < 0 || i >= l->len) {
        rf_error_set_(RF_ERR_INDEX, "rf_list_set: index %ld out of range (length %ld)", i, l->len);
        RF_DECREF(item);
        return -1;
    }
    RF_SETREF(l->items[i], item);
    return 0;
}

long rf_list_len(rf_object *list)
{
    if (check_list(list, "rf_list_len") < 0)
        return -1;
    return ((rf_list *)list)->len;
}
