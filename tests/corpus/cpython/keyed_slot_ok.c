/* An array slot named by a constant or a local variable is one place while
 * neither changes (listobject.c list_item: `Py_INCREF(a->ob_item[i]);
 * return a->ob_item[i];`; tupleobject.c tupleitem): the reference taken on
 * the first read is the one the second read returns. The front end reads
 * a->items into a new temporary for each access; both name one slot. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t size;
    PyObject **items;
    PyObject *first[2];
} SeqObject;

static PyObject *
seq_item(SeqObject *a, Py_ssize_t i)
{
    if (i < 0 || i >= a->size) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    Py_INCREF(a->items[i]);
    return a->items[i];
}

static PyObject *
seq_head(SeqObject *a, PyObject *noargs)
{
    Py_INCREF(a->first[0]);
    return a->first[0];
}

/* A slot-setting call overwrites the slot it names: the list's reference to
 * the old item moves out to the function (_heapqmodule.c heappop:
 * `returnitem = PyList_GET_ITEM(heap, 0); PyList_SET_ITEM(heap, 0,
 * lastelt);`). */
static PyObject *
swap_first(PyObject *self, PyObject *list)
{
    if (!PyList_CheckExact(list) || PyList_GET_SIZE(list) < 1)
        return NULL;
    PyObject *item = PyLong_FromLong(0);
    if (item == NULL)
        return NULL;
    PyObject *old = PyList_GET_ITEM(list, 0);
    PyList_SET_ITEM(list, 0, item);
    return old;
}

static PySequenceMethods seq_as_sequence = {
    .sq_item = (ssizeargfunc)seq_item,
};

static PyMethodDef seq_methods[] = {
    {"head", (PyCFunction)seq_head, METH_NOARGS, NULL},
    {"swap_first", swap_first, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Seq_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ks.Seq",
    .tp_basicsize = sizeof(SeqObject),
    .tp_as_sequence = &seq_as_sequence,
    .tp_methods = seq_methods,
};

static struct PyModuleDef ks_module = {PyModuleDef_HEAD_INIT, "ks", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_ks(void)
{
    if (PyType_Ready(&Seq_Type) < 0)
        return NULL;
    return PyModule_Create(&ks_module);
}
