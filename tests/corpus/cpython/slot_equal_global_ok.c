/* A slot found equal to a global object, released through the global's
 * name (posixmodule.c statresult_new: `if (result->ob_item[i+3] ==
 * Py_None) { Py_DECREF(Py_None); ... result->ob_item[i+3] = ...; }`): the
 * release is the slot's reference, which the store then replaces. The
 * slot, indexed by a variable plus a constant, is one place while the
 * variable does not change. */
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
    for (Py_ssize_t i = 0; i < 3; i++) {
        if (result->ob_item[i + 3] == Py_None) {
            Py_DECREF(Py_None);
            Py_INCREF(result->ob_item[i]);
            result->ob_item[i + 3] = result->ob_item[i];
        }
    }
    return (PyObject *)result;
}

static PyMethodDef seg_methods[] = {
    {"fill_times", fill_times, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef seg_module = {PyModuleDef_HEAD_INIT, "seg", NULL, -1, seg_methods};

PyMODINIT_FUNC PyInit_seg(void) { return PyModule_Create(&seg_module); }
