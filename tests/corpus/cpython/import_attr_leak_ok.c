/* Importing a module and fetching a function from it gives two new
 * references; the module can go as soon as the attribute is fetched.
 * Correct twin of import_attr_leak_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
ser_to_json(PyObject *self, PyObject *args)
{
    PyObject *json = PyImport_ImportModule("json");
    if (json == NULL)
        return NULL;
    PyObject *dumps = PyObject_GetAttrString(json, "dumps");
    Py_DECREF(json);
    if (dumps == NULL)
        return NULL;
    PyObject *res = PyObject_CallObject(dumps, args);
    Py_DECREF(dumps);
    return res;
}

static PyMethodDef ser_methods[] = {
    {"to_json", ser_to_json, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef ser_module = {PyModuleDef_HEAD_INIT, "ser", NULL, -1, ser_methods};

PyMODINIT_FUNC PyInit_ser(void) { return PyModule_Create(&ser_module); }
