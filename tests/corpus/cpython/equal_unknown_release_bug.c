/* equal_unknown_release_ok.c with a caller that does not incref the value
 * for the call: the helper takes over its value on every path (on the path
 * where the table already holds the same object, through the old value's
 * name), so the caller gives away a reference it does not own.
 * And a fresh new reference compared equal to a lookup's result: the
 * lookup's release is its own, never one of the fresh object's (a
 * reviewer's case).
 * BUG: the borrowed value is handed to a helper that consumes it; the
 * fresh value leaks. */
#include <Python.h>

typedef struct {
    PyObject **keys;
    PyObject **values;
} table;

extern Py_ssize_t table_lookup(table *t, PyObject *key, PyObject **value_addr);

static int
table_insert(table *t, PyObject *key, PyObject *value)
{
    PyObject *old_value;
    Py_ssize_t ix = table_lookup(t, key, &old_value);
    if (ix == -3)
        goto fail;
    if (ix == -1) {
        t->keys[0] = key;
        t->values[0] = value;
        return 0;
    }
    if (old_value != value)
        t->values[ix] = value;
    Py_XDECREF(old_value);
    Py_DECREF(key);
    return 0;
fail:
    Py_DECREF(value);
    Py_DECREF(key);
    return -1;
}

int
table_set(table *t, PyObject *key, PyObject *value)
{
    Py_INCREF(key);
    return table_insert(t, key, value);  // expect: over-release
}

extern PyObject *lookup_thing(PyObject *key);

PyObject *
fresh_equal_leak(PyObject *self, PyObject *key)
{
    PyObject *v = PyLong_FromLong(100000);
    if (v == NULL)
        return NULL;
    PyObject *old = lookup_thing(key);
    if (old != v) {
        Py_XDECREF(old);
        Py_DECREF(v);
        Py_RETURN_NONE;
    }
    Py_XDECREF(old);
    Py_RETURN_NONE;  // expect: leak
}
