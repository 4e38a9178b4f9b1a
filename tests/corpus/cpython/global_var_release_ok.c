/* A module-level variable holds the module's reference (_zoneinfo.c
 * module_free, syslogmodule.c): releasing it from the module's free
 * function, with Py_XDECREF + reset or Py_CLEAR, is the module giving its
 * reference back, as a type's dealloc does for its fields. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *io_open;
static PyObject *cache;

static int
mod_exec(PyObject *m)
{
    PyObject *io = PyImport_ImportModule("io");
    if (io == NULL)
        return -1;
    io_open = PyObject_GetAttrString(io, "open");
    Py_DECREF(io);
    if (io_open == NULL)
        return -1;
    cache = PyDict_New();
    return cache == NULL ? -1 : 0;
}

static void
mod_free(void *m)
{
    Py_XDECREF(io_open);
    io_open = NULL;
    Py_CLEAR(cache);
}

static PyModuleDef_Slot mod_slots[] = {{Py_mod_exec, mod_exec}, {0, NULL}};

static struct PyModuleDef mod_def = {PyModuleDef_HEAD_INIT, "m", NULL, 0, NULL, mod_slots,
                                     NULL, NULL, mod_free};

PyMODINIT_FUNC PyInit_m(void) { return PyModuleDef_Init(&mod_def); }
