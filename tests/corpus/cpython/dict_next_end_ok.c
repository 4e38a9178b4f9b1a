/* PyDict_Next writes its key and value only when it returns true: at the
 * end of the iteration they keep what the loop left in them (dictobject.c
 * dict_repr: key and value are incref'd in the loop and cleared at its end,
 * so the error label after the loop releases NULLs). */
#include <Python.h>

static PyObject *
show(PyObject *self, PyObject *d)
{
    PyObject *key = NULL, *value = NULL;
    Py_ssize_t i = 0;
    PyObject *out = PyList_New(0);
    if (out == NULL)
        return NULL;
    while (PyDict_Next(d, &i, &key, &value)) {
        Py_INCREF(key);
        Py_INCREF(value);
        if (PyList_Append(out, key) < 0)
            goto error;
        Py_CLEAR(key);
        Py_CLEAR(value);
    }
    if (PyList_Append(out, Py_None) < 0)
        goto error;
    return out;
error:
    Py_XDECREF(key);
    Py_XDECREF(value);
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef dne_methods[] = {
    {"show", show, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef dne_module = {PyModuleDef_HEAD_INIT, "dne", NULL, -1, dne_methods};

PyMODINIT_FUNC PyInit_dne(void) { return PyModule_Create(&dne_module); }
