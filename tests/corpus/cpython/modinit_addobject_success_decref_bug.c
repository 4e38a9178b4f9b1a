/* On success PyModule_AddObject has taken the caller's reference (unlike
 * PyModule_AddObjectRef), so the caller must not release it afterwards.
 * BUG: 'version' is released after the module took it.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static struct PyModuleDef ver_module = {PyModuleDef_HEAD_INIT, "ver", NULL, -1, NULL};

PyMODINIT_FUNC
PyInit_ver(void)
{
    PyObject *m = PyModule_Create(&ver_module);
    if (m == NULL)
        return NULL;
    PyObject *version = PyUnicode_FromString("1.0");
    if (version == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    if (PyModule_AddObject(m, "__version__", version) < 0) {
        Py_DECREF(version);
        Py_DECREF(m);
        return NULL;
    }
    Py_DECREF(version);  // expect: over-release
    return m;
}
