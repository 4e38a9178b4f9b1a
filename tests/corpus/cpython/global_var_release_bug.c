/* A module-level variable holds the module's reference (_zoneinfo.c
 * module_free, syslogmodule.c): releasing it from the module's free
 * function is the module giving its reference back.
 * BUG: the variable is released twice (its reset to NULL comes too late).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *io_open;

static int
mod_exec(PyObject *m)
{
    PyObject *io = PyImport_ImportModule("io");
    if (io == NULL)
        return -1;
    io_open = PyObject_GetAttrString(io, "open");
    Py_DECREF(io);
    return io_open == NULL ? -1 : 0;
}

static void
mod_free(void *m)
{
    Py_XDECREF(io_open);
    Py_XDECREF(io_open);  // expect: over-release, use-after-release
    io_open = NULL;
}

static PyModuleDef_Slot mod_slots[] = {{Py_mod_exec, mod_exec}, {0, NULL}};

static struct PyModuleDef mod_def = {PyModuleDef_HEAD_INIT, "m", NULL, 0, NULL, mod_slots,
                                     NULL, NULL, mod_free};

PyMODINIT_FUNC PyInit_m(void) { return PyModuleDef_Init(&mod_def); }
