/* A plain struct (no object header: nothing will release its fields) used
 * as scratch space by a callback (_lsprof.c statsForEntry): the function
 * stores its own new reference in collect->sublist and releases it through
 * the same field. The reference was the function's all along. */
#include <Python.h>

typedef struct {
    PyObject *list;
    PyObject *sublist;
} collector;

static int
add_entry(PyObject *key, collector *collect)
{
    if (PyObject_IsTrue(key)) {
        collect->sublist = PyList_New(0);
        if (collect->sublist == NULL)
            return -1;
    }
    else {
        Py_INCREF(Py_None);
        collect->sublist = Py_None;
    }
    PyObject *info = Py_BuildValue("(OO)", key, collect->sublist);
    Py_DECREF(collect->sublist);
    if (info == NULL)
        return -1;
    int err = PyList_Append(collect->list, info);
    Py_DECREF(info);
    return err;
}

static PyObject *
collect_one(PyObject *self, PyObject *key)
{
    collector c;
    c.list = PyList_New(0);
    if (c.list == NULL)
        return NULL;
    if (add_entry(key, &c) < 0) {
        Py_DECREF(c.list);
        return NULL;
    }
    return c.list;
}

static PyMethodDef ssf_methods[] = {
    {"collect_one", collect_one, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef ssf_module = {PyModuleDef_HEAD_INIT, "ssf", NULL, -1, ssf_methods};

PyMODINIT_FUNC PyInit_ssf(void) { return PyModule_Create(&ssf_module); }
