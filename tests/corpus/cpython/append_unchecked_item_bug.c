/* PyLong_FromSsize_t can fail and return NULL; PyList_Append does not accept
 * NULL. Py_XDECREF afterwards is fine either way.
 * BUG: the item is appended without a NULL check.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
lens_push(PyObject *self, PyObject *args)
{
    PyObject *list, *obj;
    if (!PyArg_ParseTuple(args, "OO", &list, &obj))
        return NULL;
    Py_ssize_t n = PyObject_Size(obj);
    if (n < 0)
        return NULL;
    PyObject *item = PyLong_FromSsize_t(n);
    int rc = PyList_Append(list, item);  // expect: null-deref
    Py_XDECREF(item);
    if (rc < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef lens_methods[] = {
    {"push", lens_push, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef lens_module = {PyModuleDef_HEAD_INIT, "lens", NULL, -1, lens_methods};

PyMODINIT_FUNC PyInit_lens(void) { return PyModule_Create(&lens_module); }
