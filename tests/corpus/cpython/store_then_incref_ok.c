/* Storing a borrowed object into a stealing slot first and taking the
 * reference right after (CPython's PyStructSequence_SET_ITEM(v, i, Py_None);
 * Py_INCREF(Py_None)) is correct: the incref pays for what was given. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

PyObject *pair_of_none(void)
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyTuple_SET_ITEM(t, 0, Py_None);
    Py_INCREF(Py_None);
    Py_INCREF(Py_None);
    PyTuple_SET_ITEM(t, 1, Py_None);
    return t;
}
