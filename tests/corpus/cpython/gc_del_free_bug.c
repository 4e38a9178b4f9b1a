/* The twin of gc_del_free_ok.c: the entry is read after PyObject_GC_Del
 * freed it. */
#include <Python.h>

typedef struct { PyObject_HEAD PyObject *next; } node;

static node *free_list;

static void
free_list_clear(void)
{
    while (free_list != NULL) {
        node *n = free_list;
        PyObject_GC_Del(n);
        free_list = (node *)n->next; // expect: use-after-release
    }
}
