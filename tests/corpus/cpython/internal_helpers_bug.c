/* The twin of internal_helpers_ok.c: the item is released after
 * _PyList_AppendTakeRef took it, and borrowed results are released or
 * returned as new. */
#include <Python.h>

extern int _PyList_AppendTakeRef(PyListObject *self, PyObject *newitem);
extern PyObject *_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals);

static int
append_number(PyListObject *list, long n)
{
    PyObject *item = PyLong_FromLong(n);
    if (item == NULL)
        return -1;
    int r = _PyList_AppendTakeRef(list, item);
    Py_DECREF(item); // expect: over-release
    return r;
}

PyObject *
builtins_of(PyObject *globals)
{
    PyObject *b = _PyEval_BuiltinsFromGlobals(PyThreadState_Get(), globals);
    return b; // expect: borrowed-return
}

static PyObject *
metatype_name(PyTypeObject *meta, PyObject *bases)
{
    PyTypeObject *winner = _PyType_CalculateMetaclass(meta, bases);
    if (winner == NULL)
        return NULL;
    PyObject *name = PyType_GetName(winner);
    Py_DECREF(winner); // expect: over-release
    return name;
}
