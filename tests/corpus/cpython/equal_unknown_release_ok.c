/* A helper that consumes its value (insertdict, Objects/dictobject.c:1226):
 * the lookup hands back the value already in the table, of unknown
 * ownership; when it is the same object as the new value, the table keeps
 * its reference and the helper releases the new one through the old
 * value's name (`if (old_value != value) ...; Py_XDECREF(old_value);`).
 * The helper takes over key and value on every path, so its callers
 * incref both for the call. */
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
    Py_INCREF(value);
    return table_insert(t, key, value);
}

/* The unknown value may hold a reference of its own (_pickle's save_global:
 * `parent == module`, then both released at the exit): its release does
 * not stand in for the other's. */
extern PyObject *deep_attribute(PyObject *obj, PyObject **parent_addr);

static PyObject *
same_parent(PyObject *self, PyObject *name)
{
    PyObject *parent = NULL, *module, *attr, *result;
    module = PyImport_Import(name);
    if (module == NULL)
        return NULL;
    attr = deep_attribute(module, &parent);
    if (parent == module)
        result = PyLong_FromLong(1);
    else
        result = PyLong_FromLong(0);
    Py_XDECREF(parent);
    Py_DECREF(module);
    Py_XDECREF(attr);
    return result;
}

static PyMethodDef eur_methods[] = {
    {"same_parent", same_parent, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef eur_module = {PyModuleDef_HEAD_INIT, "eur", NULL, -1, eur_methods};

PyMODINIT_FUNC PyInit_eur(void) { return PyModule_Create(&eur_module); }
