/* CPython-internal lookups return borrowed references:
 * _PyDict_GetItem_KnownHash (cpython/dictobject.h) like
 * PyDict_GetItemWithError, and _PyUnicode_FromId (cpython/object.h: "returns
 * a borrowed reference to the interned string"). A specialized decref
 * (longobject.c _Py_DECREF_INT) releases like Py_DECREF. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static inline void
_Py_DECREF_INT(PyLongObject *op)
{
    Py_DECREF(op);
}

int
has_key(PyObject *d, PyObject *key, Py_hash_t hash)
{
    PyObject *v = _PyDict_GetItem_KnownHash(d, key, hash);
    if (v == NULL)
        return PyErr_Occurred() ? -1 : 0;
    return 1;
}

int
equals_id(PyObject *s, _Py_Identifier *id)
{
    PyObject *u = _PyUnicode_FromId(id);
    if (u == NULL)
        return -1;
    return s == u;
}

long
low_digit(long x)
{
    PyLongObject *v = (PyLongObject *)PyLong_FromLong(x);
    if (v == NULL)
        return -1;
    long r = PyLong_AsLong((PyObject *)v) & 1;
    _Py_DECREF_INT(v);
    return r;
}
