/* A static helper returns the borrowed dict value; its caller releases it
 * as if it were new. refflow infers the helper's contract from its body
 * (every non-NULL result is borrowed), so the BUG is reported where the
 * caller releases a reference it was never given.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
lookup_handler(PyObject *registry, const char *name)
{
    PyObject *h = PyDict_GetItemString(registry, name);
    if (h == NULL) {
        PyErr_SetString(PyExc_LookupError, name);
        return NULL;
    }
    return h;
}

static PyObject *
events_dispatch(PyObject *self, PyObject *args)
{
    PyObject *registry, *callargs;
    const char *name;
    if (!PyArg_ParseTuple(args, "OsO", &registry, &name, &callargs))
        return NULL;
    PyObject *h = lookup_handler(registry, name);
    if (h == NULL)
        return NULL;
    PyObject *res = PyObject_CallObject(h, callargs);
    Py_DECREF(h);  // expect: over-release
    return res;
}

static PyMethodDef events_methods[] = {
    {"dispatch", events_dispatch, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef events_module = {PyModuleDef_HEAD_INIT, "events", NULL, -1, events_methods};

PyMODINIT_FUNC PyInit_events(void) { return PyModule_Create(&events_module); }
