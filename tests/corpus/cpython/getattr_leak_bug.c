/* PyObject_GetAttrString returns a new reference; it must be released once
 * the value has been used.
 * BUG: 'name' is lost on the final return.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
nm_label(PyObject *self, PyObject *obj)
{
    PyObject *name = PyObject_GetAttrString(obj, "__name__");
    if (name == NULL)
        return NULL;
    PyObject *res = PyUnicode_FromFormat("<%U>", name);
    return res;  // expect: leak
}

static PyMethodDef nm_methods[] = {
    {"label", nm_label, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef nm_module = {PyModuleDef_HEAD_INIT, "nm", NULL, -1, nm_methods};

PyMODINIT_FUNC PyInit_nm(void) { return PyModule_Create(&nm_module); }
