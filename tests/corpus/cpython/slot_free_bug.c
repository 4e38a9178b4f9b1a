/* The twin of slot_free_ok.c: an object is used after a call through its
 * type's tp_dealloc or tp_free slot destroyed it. A local function pointer
 * that may be assigned again is not the slot (no rule applies then). */
#include <Python.h>

typedef struct node {
    PyObject_HEAD
    struct node *next;
} node;

static PyObject *
destroy_then_return(void)
{
    PyObject *op = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (op == NULL)
        return NULL;
    Py_TYPE(op)->tp_dealloc(op);
    return op; // expect: use-after-release
}

static void
free_then_read(PyObject *list)
{
    PyObject *op = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (op == NULL)
        return;
    destructor dealloc = Py_TYPE(op)->tp_dealloc;
    (*dealloc)(op);
    PyList_Append(list, op); // expect: use-after-release
}

static void
not_a_slot(PyObject *list, int other)
{
    PyObject *op = PyObject_CallNoArgs((PyObject *)&PyBaseObject_Type);
    if (op == NULL)
        return;
    destructor dealloc = Py_TYPE(op)->tp_dealloc;
    if (other)
        dealloc = Py_TYPE(list)->tp_finalize;
    dealloc(op);
} // expect: leak
