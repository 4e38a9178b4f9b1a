/* A container's insert keeps a reference of its own (rule token `keep`,
 * refcounts.dat's +1 on PyDict_SetItem's value): after the function drops
 * its own reference the list is still alive, held by the dict (Py_ReprEnter).
 * The twin container_keeps_bug.c releases it twice. */
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
    return PyList_Append(list, obj);
}
