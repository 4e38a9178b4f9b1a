/* PyWeakref_GetObject(ref) returns the referent, or Py_None once it is gone,
 * as a borrowed reference (c-api/weakref.rst); it returns NULL only for an
 * argument that is not a weak reference (weakrefobject.c:918), so the result
 * of a checked weakref can be increfed directly (_ssl.c PySSL_get_owner).
 * BUG: the borrowed referent is returned without a reference of its own. */
#include <Python.h>

static PyObject *
referent(PyObject *self, PyObject *ref)
{
    if (!PyWeakref_Check(ref)) {
        PyErr_SetString(PyExc_TypeError, "a weak reference is required");
        return NULL;
    }
    PyObject *obj = PyWeakref_GetObject(ref);
    return obj;  // expect: borrowed-return
}

static PyMethodDef wgn_methods[] = {
    {"referent", referent, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef wgn_module = {PyModuleDef_HEAD_INIT, "wgn", NULL, -1, wgn_methods};

PyMODINIT_FUNC PyInit_wgn(void) { return PyModule_Create(&wgn_module); }
