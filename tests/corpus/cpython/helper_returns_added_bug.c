/* A static helper that creates a submodule, adds it to the parent module
 * (PyModule_AddObject takes the reference) and returns it: the result is
 * borrowed from the parent (pyexpat.c add_submodule).
 * BUG: the caller releases the borrowed result.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
add_submodule(PyObject *mod, const char *name)
{
    PyObject *sub = PyModule_New(name);
    if (sub == NULL)
        return NULL;
    if (PyModule_AddObject(mod, name, sub) < 0) {
        Py_DECREF(sub);
        return NULL;
    }
    return sub;
}

int
add_errors(PyObject *mod)
{
    PyObject *errors = add_submodule(mod, "errors");
    if (errors == NULL)
        return -1;
    int r = PyModule_AddIntConstant(errors, "E_OK", 0);
    Py_DECREF(errors);  // expect: over-release
    return r;
}
