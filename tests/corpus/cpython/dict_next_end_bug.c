/* dict_next_end_ok.c with the loop's key and value left holding their
 * borrowed values: after the iteration ends they are still the last
 * entry's, which the dict owns.
 * BUG: the error label after the loop releases them. */
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
        if (PyList_Append(out, key) < 0)
            goto error;
    }
    if (PyList_Append(out, Py_None) < 0)
        goto error;
    return out;
error:
    Py_XDECREF(key);  // expect: over-release
    Py_XDECREF(value);  // expect: over-release
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef dneb_methods[] = {
    {"show", show, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef dneb_module = {PyModuleDef_HEAD_INIT, "dneb", NULL, -1, dneb_methods};

PyMODINIT_FUNC PyInit_dneb(void) { return PyModule_Create(&dneb_module); }
