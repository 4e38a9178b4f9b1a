/* Storing a borrowed object into a stealing slot needs a reference of the
 * function's own, before or right after. BUG: the second slot's Py_None is
 * never paid for: over-release, reported where it is given away. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *pair_of_none(void)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyTuple_SET_ITEM(t, 0, Py_None);
    Py_INCREF(Py_None);
    PyTuple_SET_ITEM(t, 1, Py_None);  // expect: over-release
    return t;
}
