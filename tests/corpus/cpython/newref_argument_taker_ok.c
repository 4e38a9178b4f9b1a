/* A helper that keeps its argument in a global (signalmodule.c
 * set_handler, storing func into Handlers[i].func), called with a
 * reference made for the call (`set_handler(i, Py_NewRef(h))`): the
 * caller's new reference is the one the helper takes, so the helper is a
 * taker and nothing leaks. */
#include <Python.h>

static PyObject *current_handler;

static void
set_handler(PyObject *func)
{
    current_handler = func;
}

static PyObject *
install(PyObject *self, PyObject *func)
{
    PyObject *old = current_handler;
    set_handler(Py_NewRef(func));
    Py_XDECREF(old);
    Py_RETURN_NONE;
}

static PyMethodDef nat_methods[] = {
    {"install", install, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef nat_module = {PyModuleDef_HEAD_INIT, "nat", NULL, -1, nat_methods};

PyMODINIT_FUNC PyInit_nat(void) { return PyModule_Create(&nat_module); }
