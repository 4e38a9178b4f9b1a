/* keyed_slot_ok.c with the index changed between the two reads: the slot
 * that was incref'd is not the one returned.
 * BUG: a borrowed reference to the next item is returned, and the current
 * item keeps an extra reference. */
#include <Python.h>

typedef struct {
    PyObject_HEAD
    Py_ssize_t size;
    PyObject **items;
} SeqObject;

static PyObject *
seq_item(SeqObject *a, Py_ssize_t i)
{
    if (i < 0 || i + 1 >= a->size) {
        PyErr_SetString(PyExc_IndexError, "index out of range");
        return NULL;
    }
    Py_INCREF(a->items[i]);
    i++;
    return a->items[i];  // expect: borrowed-return
}

/* A call given the list may change its slots: the second read is of
 * whatever PyList_SetItem put there, not of the item incref'd.
 * BUG: the old item keeps the extra reference; the new one is returned
 * borrowed. */
static PyObject *
replace_first(PyObject *self, PyObject *list)
{
    PyObject *old = PyList_GET_ITEM(list, 0);
    Py_INCREF(old);
    if (PyList_SetItem(list, 0, Py_NewRef(Py_None)) < 0)
        return NULL;  // expect: leak
    return PyList_GET_ITEM(list, 0);  // expect: borrowed-return, leak
}

/* keyed_slot_ok.c's swap_first overwriting another slot than the one read:
 * BUG: the item read is still the list's, returned without a reference. */
static PyObject *
swap_second(PyObject *self, PyObject *list)
{
    if (!PyList_CheckExact(list) || PyList_GET_SIZE(list) < 2)
        return NULL;
    PyObject *item = PyLong_FromLong(0);
    if (item == NULL)
        return NULL;
    PyObject *old = PyList_GET_ITEM(list, 0);
    PyList_SET_ITEM(list, 1, item);
    return old;  // expect: borrowed-return
}

static PyMethodDef seq_methods[] = {
    {"swap_second", swap_second, METH_O, NULL},
    {"replace_first", replace_first, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PySequenceMethods seq_as_sequence = {
    .sq_item = (ssizeargfunc)seq_item,
};

static PyTypeObject Seq_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ksb.Seq",
    .tp_basicsize = sizeof(SeqObject),
    .tp_as_sequence = &seq_as_sequence,
    .tp_methods = seq_methods,
};

static struct PyModuleDef ksb_module = {PyModuleDef_HEAD_INIT, "ksb", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_ksb(void)
{
    if (PyType_Ready(&Seq_Type) < 0)
        return NULL;
    return PyModule_Create(&ksb_module);
}
