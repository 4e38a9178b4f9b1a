/* PyObject_GC_Del frees a GC object (rule token `free`): a dead object
 * moved out of a free list and freed is no leak, and a dealloc's self, whose
 * count already reached 0, owes nothing (_PySlice_Fini, free-list
 * teardown). The twin gc_del_free_bug.c uses the object after freeing it. */
#include <Python.h>

typedef struct { PyObject_HEAD PyObject *next; } node;

static node *free_list;

static void
free_list_clear(void)
{
    while (free_list != NULL) {
        node *n = free_list;
        free_list = (node *)n->next;
        PyObject_GC_Del(n);
    }
}

static void
node_dealloc(node *self)
{
    PyObject_GC_UnTrack(self);
    Py_CLEAR(self->next);
    PyObject_GC_Del(self);
}
