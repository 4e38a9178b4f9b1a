/* Returning None as a default: Py_None is borrowed, so it needs a Py_INCREF
 * before the return (the long form of Py_RETURN_NONE).
 * BUG: the default path returns Py_None without Py_INCREF.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
env_lookup(PyObject *self, PyObject *args)
{
    PyObject *env;
    const char *key;
    if (!PyArg_ParseTuple(args, "Os", &env, &key))
        return NULL;
    PyObject *v = PyDict_GetItemString(env, key);
    if (v == NULL) {
        return Py_None;  // expect: borrowed-return
    }
    return Py_NewRef(v);
}

static PyMethodDef env_methods[] = {
    {"lookup", env_lookup, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef env_module = {PyModuleDef_HEAD_INIT, "env", NULL, -1, env_methods};

PyMODINIT_FUNC PyInit_env(void) { return PyModule_Create(&env_module); }
