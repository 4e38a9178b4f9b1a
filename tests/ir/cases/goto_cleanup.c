/* The "goto error" cleanup idiom: labels become blocks (created at the first
 * goto), gotos jump to them, Py_XDECREF in the cleanup. */
#include "mini.h"

PyObject *make_pair(long a, long b) {
    PyObject *x = NULL, *y = NULL, *list = NULL;
    x = PyLong_FromLong(a);
    if (x == NULL)
        goto error;
    y = PyLong_FromLong(b);
    if (y == NULL)
        goto error;
    list = PyList_New(2);
    if (!list)
        goto error;
    if (PyList_SetItem(list, 0, x) < 0) {
        x = NULL;
        goto error;
    }
    PyList_SetItem(list, 1, y);
    return list;
error:
    Py_XDECREF(x);
    Py_XDECREF(y);
    Py_XDECREF(list);
    return NULL;
}

int retry(void) {
    int n = 0;
again:
    n++;
    if (n < 3)
        goto again;
    return n;
}
