/* A static helper that takes over its arguments: it stores them into the
 * table on success and releases them on failure (CPython's insertdict).
 * refflow infers that from the body (released on one path, stored on the
 * other, never incref'd), so callers that incref first are correct and the
 * helper's releases are not over-releases. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *key;
    PyObject *value;
} PairObject;

static int
pair_put(PairObject *p, PyObject *key, PyObject *value)
{
    if (PyObject_Hash(key) == -1) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    Py_XSETREF(p->key, key);
    Py_XSETREF(p->value, value);
    return 0;
}

int
pair_set(PairObject *p, PyObject *key, PyObject *value)
{
    Py_INCREF(key);
    Py_INCREF(value);
    return pair_put(p, key, value);
}
