/* spammodule.c: a small CPython extension with the reference-counting
 * mistakes refflow is for. `scripts/demo.sh` runs refflow over it. Each
 * function's comment says what is wrong (or that nothing is). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* Correct: every new reference is released or handed to the list. */
static PyObject *spam_squares(PyObject *self, PyObject *args) {
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "n", &n))
        return NULL;
    PyObject *list = PyList_New(0);
    if (!list)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyLong_FromSsize_t(i * i);
        if (!item)
            goto error;
        int rc = PyList_Append(list, item);
        Py_DECREF(item);
        if (rc < 0)
            goto error;
    }
    return list;
error:
    Py_DECREF(list);
    return NULL;
}

/* Bug: the key is leaked when PyDict_SetItem fails, and on success too. */
static PyObject *spam_index(PyObject *self, PyObject *args) {
    PyObject *seq;
    if (!PyArg_ParseTuple(args, "O", &seq))
        return NULL;
    PyObject *dict = PyDict_New();
    if (!dict)
        return NULL;
    PyObject *key = PyObject_Str(seq);
    if (!key) {
        Py_DECREF(dict);
        return NULL;
    }
    if (PyDict_SetItem(dict, key, seq) < 0) {
        Py_DECREF(dict);
        return NULL;
    }
    return dict;
}

/* Bug: PyList_GetItem returns a borrowed reference; returning it hands the
 * caller a reference it does not own. */
static PyObject *spam_first(PyObject *self, PyObject *args) {
    PyObject *list;
    if (!PyArg_ParseTuple(args, "O!", &PyList_Type, &list))
        return NULL;
    PyObject *first = PyList_GetItem(list, 0);
    if (!first)
        return NULL;
    return first;
}

/* Bug: PyTuple_SetItem steals the reference, so the Py_DECREF after it
 * releases a reference the function no longer owns. */
static PyObject *spam_pair(PyObject *self, PyObject *args) {
    PyObject *tuple = PyTuple_New(1);
    if (!tuple)
        return NULL;
    PyObject *one = PyLong_FromLong(1);
    if (!one) {
        Py_DECREF(tuple);
        return NULL;
    }
    PyTuple_SetItem(tuple, 0, one);
    Py_DECREF(one);
    return tuple;
}

static PyMethodDef spam_methods[] = {
    {"squares", spam_squares, METH_VARARGS, "list of squares"},
    {"index", spam_index, METH_VARARGS, "dict keyed by str(seq)"},
    {"first", spam_first, METH_VARARGS, "first item of a list"},
    {"pair", spam_pair, METH_VARARGS, "a one-tuple"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef spam_module = {
    PyModuleDef_HEAD_INIT, "spam", NULL, -1, spam_methods,
};

PyMODINIT_FUNC PyInit_spam(void) {
    return PyModule_Create(&spam_module);
}
