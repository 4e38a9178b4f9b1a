/* mod.c: stash_first (stash.c) steals the number: not released here. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

int stash_first(PyObject *list, PyObject *item);

static PyObject *put_answer(PyObject *self, PyObject *list)
{
    PyObject *n = PyLong_FromLong(42);
    if (n == NULL)
        return NULL;
    if (stash_first(list, n) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {{"put_answer", put_answer, METH_O, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "stash", NULL, -1, methods};
PyMODINIT_FUNC PyInit_stash(void) { return PyModule_Create(&mod); }
