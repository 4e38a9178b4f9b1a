/* The method-call helpers, the PyCapsule accessors and PyLong_AsSsize_t check
 * their object for NULL and fail cleanly (Objects/call.c:616 null_error,
 * capsule.c:19 _is_legal_capsule, longobject.c:574), so CPython passes
 * unchecked results straight in (_zoneinfo.c zoneinfo_clear_cache,
 * structseq.c get_type_attr_as_size, _testcapimodule.c test_capsule). */
#include <Python.h>

static int token;

static PyObject *
clear_cache(PyObject *self, PyObject *type)
{
    PyObject *cache = PyObject_GetAttrString(type, "_weak_cache");
    PyObject *r = PyObject_CallMethod(cache, "clear", NULL);
    Py_XDECREF(cache);
    return r;
}

static PyObject *
field_count(PyObject *self, PyObject *dict)
{
    PyObject *v = PyDict_GetItemString(dict, "n_fields");
    Py_ssize_t n = PyLong_AsSsize_t(v);
    if (n < 0)
        return NULL;
    return PyLong_FromSsize_t(n);
}

static PyObject *
make_token(PyObject *self, PyObject *noargs)
{
    PyObject *c = PyCapsule_New(&token, "ancc.token", NULL);
    if (PyCapsule_SetContext(c, &token) < 0) {
        Py_XDECREF(c);
        return NULL;
    }
    return c;
}

static PyMethodDef ancc_methods[] = {
    {"clear_cache", clear_cache, METH_O, NULL},
    {"field_count", field_count, METH_O, NULL},
    {"make_token", make_token, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef ancc_module = {PyModuleDef_HEAD_INIT, "ancc", NULL, -1, ancc_methods};

PyMODINIT_FUNC PyInit_ancc(void) { return PyModule_Create(&ancc_module); }
