/* Module init owns the new module until it returns it; a failure after
 * PyModule_Create must release it.
 * BUG: the failure return loses 'm'.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef lim_module = {PyModuleDef_HEAD_INIT, "lim", NULL, -1, NULL};

PyMODINIT_FUNC
PyInit_lim(void)
{
    PyObject *m = PyModule_Create(&lim_module);
    if (m == NULL)
        return NULL;
    if (PyModule_AddIntConstant(m, "MAX_DEPTH", 100) < 0) {
        return NULL;  // expect: leak
    }
    return m;
}
