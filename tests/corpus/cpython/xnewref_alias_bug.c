/* Py_XNewRef(o) is `Py_XINCREF(o); return o;` (object.h:622): the result is o
 * with one more reference, and Py_XNewRef(NULL) is NULL and takes nothing
 * (_testcapimodule.c test_refcount_macros: `assert(Py_XNewRef(NULL) == NULL)`).
 * Releasing the extra reference through either name is the same.
 * BUG: the extra reference is never released. */
#include <Python.h>

static PyObject *
xnewref_check(PyObject *self, PyObject *obj)
{
    if (Py_XNewRef(NULL) != NULL)
        return NULL;
    PyObject *ref = Py_XNewRef(obj);
    if (ref != obj)
        return NULL;
    Py_RETURN_NONE;  // expect: leak
}

static PyMethodDef xna_methods[] = {
    {"xnewref_check", xnewref_check, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef xna_module = {PyModuleDef_HEAD_INIT, "xna", NULL, -1, xna_methods};

PyMODINIT_FUNC PyInit_xna(void) { return PyModule_Create(&xna_module); }
