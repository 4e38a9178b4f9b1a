/* Importing a module and fetching a function from it gives two new
 * references; the module can go as soon as the attribute is fetched.
 * BUG: 'json' is never released: lost on the failure return and the
 * final return.
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
    if (dumps == NULL)
        return NULL;  // expect: leak
    PyObject *res = PyObject_CallObject(dumps, args);
    Py_DECREF(dumps);
    return res;  // expect: leak
}

static PyMethodDef ser_methods[] = {
    {"to_json", ser_to_json, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef ser_module = {PyModuleDef_HEAD_INIT, "ser", NULL, -1, ser_methods};

PyMODINIT_FUNC PyInit_ser(void) { return PyModule_Create(&ser_module); }
