/* The twin of ptr_eq_new_vs_param_ok.c with the test inverted: the new
 * dict leaks, and the caller's dict is released. */
#include <Python.h>

static PyObject *
call_with(PyObject *callable, PyObject *args, PyObject *keywords)
{
    PyObject *kwdict;
    if (keywords == NULL || PyDict_Check(keywords)) {
        kwdict = keywords;
    }
    else {
        kwdict = PyDict_New();
        if (kwdict == NULL)
            return NULL;
        if (PyDict_MergeFromSeq2(kwdict, keywords, 1) < 0) {
            Py_DECREF(kwdict);
            return NULL;
        }
    }
    PyObject *result = PyObject_Call(callable, args, kwdict);
    if (kwdict == keywords) {
        Py_XDECREF(kwdict); // expect: over-release
    }
    return result; // expect: leak
}
