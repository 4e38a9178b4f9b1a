/* PyModule_AddObject(m, "pi", PyFloat_FromDouble(x)) < 0 is a complete
 * check in 3.11: a NULL value makes it return -1 (it calls
 * PyModule_AddObjectRef), and on success it steals the new float. On
 * failure with a non-NULL float the float is still the caller's.
 * Correct twin of modinit_addobject_new_arg_bug.c (cmathmodule.c cmath_exec
 * style; its leak of the float on the non-NULL failure path is fixed by
 * keeping the float in a variable). PyModule_GetDict never fails.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
consts_exec(PyObject *m)
{
    PyObject *pi = PyFloat_FromDouble(3.141592653589793);
    if (PyModule_AddObject(m, "pi", pi) < 0) {
        Py_XDECREF(pi);
        return -1;
    }
    PyObject *d = PyModule_GetDict(m);
    return PyDict_SetItemString(d, "answer", Py_None);
}

static PyModuleDef_Slot consts_slots[] = {
    {Py_mod_exec, consts_exec},
    {0, NULL},
};

static struct PyModuleDef consts_module = {PyModuleDef_HEAD_INIT, "consts", NULL, 0, NULL,
                                           consts_slots};

PyMODINIT_FUNC PyInit_consts(void) { return PyModuleDef_Init(&consts_module); }
