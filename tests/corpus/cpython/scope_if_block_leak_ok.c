/* A new reference held by a variable declared inside an if-block must be
 * released before the block ends.
 * Correct twin of scope_if_block_leak_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
dbg_width(PyObject *self, PyObject *args)
{
    PyObject *obj;
    int verbose;
    if (!PyArg_ParseTuple(args, "Oi", &obj, &verbose))
        return NULL;
    Py_ssize_t len = 0;
    if (verbose) {
        PyObject *r = PyObject_Repr(obj);
        if (r == NULL)
            return NULL;
        len = PyUnicode_GetLength(r);
        Py_DECREF(r);
    }
    return PyLong_FromSsize_t(len);
}

static PyMethodDef dbg_methods[] = {
    {"width", dbg_width, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef dbg_module = {PyModuleDef_HEAD_INIT, "dbg", NULL, -1, dbg_methods};

PyMODINIT_FUNC PyInit_dbg(void) { return PyModule_Create(&dbg_module); }
