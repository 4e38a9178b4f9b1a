/* Replacing an accumulator with a new result: Py_SETREF(acc, new) releases
 * the old value after storing the new one.
 * BUG: the plain assignment loses the previous accumulator every iteration.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
prod_of(PyObject *self, PyObject *arg)
{
    Py_ssize_t n = PyList_Size(arg);
    if (n < 0)
        return NULL;
    PyObject *acc = PyLong_FromLong(1);
    if (acc == NULL)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *prod = PyNumber_Multiply(acc, PyList_GET_ITEM(arg, i));
        if (prod == NULL) {
            Py_DECREF(acc);
            return NULL;
        }
        acc = prod;  // expect: leak
    }
    return acc;
}

static PyMethodDef prod_methods[] = {
    {"of", prod_of, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef prod_module = {PyModuleDef_HEAD_INIT, "prod", NULL, -1, prod_methods};

PyMODINIT_FUNC PyInit_prod(void) { return PyModule_Create(&prod_module); }
