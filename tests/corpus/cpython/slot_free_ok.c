/* Calls through a type's slots end the object's life: Py_TYPE(op)->tp_free(op)
 * and tp_dealloc(op) ("fn _typeobject.tp_free value free" in cpython.rules).
 * Dead objects kept for reuse on a free list are freed at teardown through
 * tp_free (exceptions.c free_preallocated_memerrors); the trashcan calls
 * tp_dealloc, read into a local first, on objects whose count is already 0
 * (object.c _PyTrash_thread_destroy_chain). Nothing leaks. The twin of
 * slot_free_bug.c. */
#include <Python.h>

typedef struct node {
    PyObject_HEAD
    struct node *next;
} node;

typedef struct {
    node *free_list;
    PyObject *trash;
} state;

static void
free_list_clear(state *st)
{
    while (st->free_list != NULL) {
        PyObject *op = (PyObject *)st->free_list;
        st->free_list = st->free_list->next;
        Py_TYPE(op)->tp_free(op);
    }
}

static void
trash_destroy_chain(state *st)
{
    while (st->trash != NULL) {
        PyObject *op = st->trash;
        destructor dealloc = Py_TYPE(op)->tp_dealloc;
        st->trash = (PyObject *)((node *)op)->next;
        (*dealloc)(op);
    }
}

static PyObject *
make_and_destroy(void)
{
    PyObject *op = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (op == NULL)
        return NULL;
    Py_TYPE(op)->tp_dealloc(op);
    Py_RETURN_NONE;
}
