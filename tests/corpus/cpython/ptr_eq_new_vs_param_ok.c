/* kwdict is the caller's dict or a new one (call.c _PyObject_MakeTpCall):
 * `kwdict != keywords` tells them apart, because a new reference a call
 * just made is never the argument the caller passed. */
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
    if (kwdict != keywords) {
        Py_DECREF(kwdict);
    }
    return result;
}
