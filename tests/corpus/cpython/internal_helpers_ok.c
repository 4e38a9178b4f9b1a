/* CPython-internal helpers with rules (cpython_extra.txt, triage round 5):
 * _PyList_AppendTakeRef takes the item whether or not it succeeds;
 * _PyEval_BuiltinsFromGlobals and _PyType_CalculateMetaclass return borrowed
 * references. Declared here: their headers need Py_BUILD_CORE. The twin
 * internal_helpers_bug.c gets each one wrong. */
#include <Python.h>

extern int _PyList_AppendTakeRef(PyListObject *self, PyObject *newitem);
extern PyObject *_PyEval_BuiltinsFromGlobals(PyThreadState *tstate, PyObject *globals);

static int
append_number(PyListObject *list, long n)
{
    PyObject *item = PyLong_FromLong(n);
    if (item == NULL)
        return -1;
    return _PyList_AppendTakeRef(list, item);
}

PyObject *
builtins_of(PyObject *globals)
{
    PyObject *b = _PyEval_BuiltinsFromGlobals(PyThreadState_Get(), globals);
    Py_XINCREF(b);
    return b;
}

static PyObject *
metatype_name(PyTypeObject *meta, PyObject *bases)
{
    PyTypeObject *winner = _PyType_CalculateMetaclass(meta, bases);
    if (winner == NULL)
        return NULL;
    return PyType_GetName(winner);
}
