/* A module whose every PyModuleDef asks for state (m_size > 0) and has no
 * Py_mod_create slot: CPython allocates the state when it creates the module
 * (PyModule_ExecDef, before any exec slot), so PyModule_GetState of the
 * unit's module is never NULL (rule `module-state`), also through a static
 * helper that returns it (summary `nonnull`). The `state == NULL` exits
 * below cannot be taken and leak nothing. Twins: module_state_nonnull_bug.c
 * (a Py_mod_create slot) and module_state_nostate_bug.c (a second
 * definition without state). */
#include <Python.h>

typedef struct {
    PyObject *Error;
} mod_state;

static inline mod_state *
get_state(PyObject *module)
{
    return (mod_state *)PyModule_GetState(module);
}

static PyObject *
decode(PyObject *module, PyObject *arg)
{
    PyObject *rv = PyBytes_FromStringAndSize(NULL, 16);
    if (rv == NULL)
        return NULL;
    if (PyObject_IsTrue(arg) > 0) {
        mod_state *state = get_state(module);
        if (state == NULL)
            return NULL; /* cannot happen: no leak of rv */
        PyErr_SetString(state->Error, "bad input");
        Py_DECREF(rv);
        return NULL;
    }
    return rv;
}

static PyObject *
direct(PyObject *module, PyObject *arg)
{
    PyObject *rv = PyList_New(0);
    if (rv == NULL)
        return NULL;
    mod_state *state = PyModule_GetState(module);
    if (!state)
        return NULL;
    if (PyList_Append(rv, state->Error) < 0) {
        Py_DECREF(rv);
        return NULL;
    }
    return rv;
}

static int
exec_module(PyObject *module)
{
    mod_state *state = get_state(module);
    state->Error = PyErr_NewException("m.Error", NULL, NULL);
    return state->Error == NULL ? -1 : 0;
}

static PyMethodDef methods[] = {
    {"decode", decode, METH_O, NULL},
    {"direct", direct, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, exec_module},
    {0, NULL},
};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT,
    .m_name = "m",
    .m_size = sizeof(mod_state),
    .m_methods = methods,
    .m_slots = slots,
};

PyMODINIT_FUNC
PyInit_m(void)
{
    return PyModuleDef_Init(&moduledef);
}
