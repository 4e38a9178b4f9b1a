/* "N" steals a reference the caller must own; an argument borrowed from the
 * argument tuple must be passed with "O", which takes a new reference.
 * Correct twin of buildvalue_N_borrowed_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
lbl_tagged(PyObject *self, PyObject *args)
{
    PyObject *obj;
    const char *tag;
    if (!PyArg_ParseTuple(args, "sO", &tag, &obj))
        return NULL;
    return Py_BuildValue("(sO)", tag, obj);
}

static PyMethodDef lbl_methods[] = {
    {"tagged", lbl_tagged, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef lbl_module = {PyModuleDef_HEAD_INIT, "lbl", NULL, -1, lbl_methods};

PyMODINIT_FUNC PyInit_lbl(void) { return PyModule_Create(&lbl_module); }
