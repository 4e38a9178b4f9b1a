/* A static helper returning PyObject* follows the new-reference convention,
 * which its callers rely on (dispatch releases the handler it gets).
 * Correct twin of helper_borrowed_return_bug.c: same code with the bug fixed.
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
    return Py_NewRef(h);
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
    Py_DECREF(h);
    return res;
}

static PyMethodDef events_methods[] = {
    {"dispatch", events_dispatch, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef events_module = {PyModuleDef_HEAD_INIT, "events", NULL, -1, events_methods};

PyMODINIT_FUNC PyInit_events(void) { return PyModule_Create(&events_module); }
