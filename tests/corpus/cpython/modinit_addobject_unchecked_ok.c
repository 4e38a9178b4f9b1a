/* PyModule_AddObject's result must be checked: on failure the value was not
 * stolen and is still the caller's to release.
 * Correct twin of modinit_addobject_unchecked_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef consts_module = {PyModuleDef_HEAD_INIT, "consts", NULL, -1, NULL};

PyMODINIT_FUNC
PyInit_consts(void)
{
    PyObject *m = PyModule_Create(&consts_module);
    if (m == NULL)
        return NULL;
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObject(m, "ZERO", zero) < 0) {
        Py_DECREF(zero);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
