/* A twin of module_state_nonnull_ok.c whose unit also holds an array of
 * module definitions: refflow does not read the elements (one of them may
 * well have no state), so PyModule_GetState may be NULL here and the
 * `state == NULL` exit leaks the new reference. */
#include <Python.h>

typedef struct {
    PyObject *Error;
} mod_state;

static PyObject *
direct(PyObject *module, PyObject *arg)
{
    PyObject *rv = PyList_New(0);
    if (rv == NULL)
        return NULL;
    mod_state *state = PyModule_GetState(module);
    if (!state)
        return NULL; // expect: leak
    if (PyList_Append(rv, state->Error) < 0) {
        Py_DECREF(rv);
        return NULL;
    }
    return rv;
}

static PyMethodDef methods[] = {
    {"direct", direct, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "m", NULL, sizeof(mod_state), methods,
};

static struct PyModuleDef variants[] = {
    {PyModuleDef_HEAD_INIT, "m_a", NULL, 0, methods},
    {PyModuleDef_HEAD_INIT, "m_b", NULL, sizeof(mod_state), methods},
};

PyMODINIT_FUNC
PyInit_m(void)
{
    return PyModuleDef_Init(&moduledef);
}

PyMODINIT_FUNC
PyInit_m_a(void)
{
    return PyModuleDef_Init(&variants[0]);
}
