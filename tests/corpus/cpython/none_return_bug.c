/* Py_None is a borrowed reference to a static object: a method returning it
 * must add a reference (Py_RETURN_NONE does).
 * BUG: Py_None is returned without a new reference.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int verbose_flag;

static PyObject *
flags_set_verbose(PyObject *self, PyObject *args)
{
    int on;
    if (!PyArg_ParseTuple(args, "i", &on))
        return NULL;
    verbose_flag = on;
    return Py_None;  // expect: borrowed-return
}

static PyMethodDef flags_methods[] = {
    {"set_verbose", flags_set_verbose, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef flags_module = {PyModuleDef_HEAD_INIT, "flags", NULL, -1, flags_methods};

PyMODINIT_FUNC PyInit_flags(void) { return PyModule_Create(&flags_module); }
