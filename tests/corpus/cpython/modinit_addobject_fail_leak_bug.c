/* PyModule_AddObject steals the value only when it succeeds; when it fails
 * (returns < 0) the caller still owns the value and must release it.
 * BUG: the failure path releases the module but loses 'defaults'.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef cfg_module = {PyModuleDef_HEAD_INIT, "cfg", NULL, -1, NULL};

PyMODINIT_FUNC
PyInit_cfg(void)
{
    PyObject *m = PyModule_Create(&cfg_module);
    if (m == NULL)
        return NULL;
    PyObject *defaults = PyDict_New();
    if (defaults == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObject(m, "defaults", defaults) < 0) {
        Py_DECREF(m);
        return NULL;  // expect: leak
    }
    return m;
}
