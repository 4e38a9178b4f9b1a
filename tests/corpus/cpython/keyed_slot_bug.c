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

static PySequenceMethods seq_as_sequence = {
    .sq_item = (ssizeargfunc)seq_item,
};

static PyTypeObject Seq_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ksb.Seq",
    .tp_basicsize = sizeof(SeqObject),
    .tp_as_sequence = &seq_as_sequence,
};

static struct PyModuleDef ksb_module = {PyModuleDef_HEAD_INIT, "ksb", NULL, -1, NULL};

PyMODINIT_FUNC PyInit_ksb(void)
{
    if (PyType_Ready(&Seq_Type) < 0)
        return NULL;
    return PyModule_Create(&ksb_module);
}
