/* The twin of container_keeps_ok.c: the dict keeps its own reference, but
 * this function owns only one, and releases it twice. */
#include <Python.h>

static int
remember(PyObject *dict, PyObject *key, PyObject *obj)
{
    PyObject *list = PyList_New(0);
    if (list == NULL)
        return -1;
    if (PyDict_SetItem(dict, key, list) < 0) {
        Py_DECREF(list);
        return -1;
    }
    Py_DECREF(list);
    int r = PyList_Append(list, obj);
    Py_DECREF(list); // expect: over-release
    return r;
}
