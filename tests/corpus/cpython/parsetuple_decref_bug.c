/* Objects returned by PyArg_ParseTuple's "O" are borrowed from the argument
 * tuple; the method does not own them.
 * BUG: the borrowed argument 'obj' is released.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
desc_angle(PyObject *self, PyObject *args)
{
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "O", &obj))
        return NULL;
    PyObject *r = PyObject_Repr(obj);
    Py_DECREF(obj);  // expect: over-release
    if (r == NULL)
        return NULL;
    PyObject *res = PyUnicode_FromFormat("<%U>", r);
    Py_DECREF(r);
    return res;
}

static PyMethodDef desc_methods[] = {
    {"angle", desc_angle, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef desc_module = {PyModuleDef_HEAD_INIT, "desc", NULL, -1, desc_methods};

PyMODINIT_FUNC PyInit_desc(void) { return PyModule_Create(&desc_module); }
