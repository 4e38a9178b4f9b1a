/* slot_equal_global_ok.c without the test: the slot is not known to hold
 * None, so the release through Py_None's name is not the slot's.
 * BUG: Py_None is released without a reference to it. */
#include <Python.h>

static PyObject *
fill_times(PyObject *self, PyObject *arg)
{
    PyTupleObject *result = (PyTupleObject *)PySequence_Tuple(arg);
    if (result == NULL)
        return NULL;
    if (PyTuple_GET_SIZE(result) != 6) {
        Py_DECREF(result);
        PyErr_SetString(PyExc_ValueError, "need 6 items");
        return NULL;
    }
    Py_ssize_t i = 0;
    Py_DECREF(Py_None);  // expect: over-release
    Py_INCREF(result->ob_item[i]);
    result->ob_item[i + 3] = result->ob_item[i];
    return (PyObject *)result;
}

static PyMethodDef segb_methods[] = {
    {"fill_times", fill_times, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef segb_module = {PyModuleDef_HEAD_INIT, "segb", NULL, -1, segb_methods};

PyMODINIT_FUNC PyInit_segb(void) { return PyModule_Create(&segb_module); }
