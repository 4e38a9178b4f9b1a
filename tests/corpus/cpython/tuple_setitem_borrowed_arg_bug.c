/* PyTuple_SetItem steals a reference; an object obtained from
 * PyArg_ParseTuple("O") is borrowed, so it needs a Py_INCREF first.
 * BUG: the borrowed 'obj' is handed to the stealing PyTuple_SetItem.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
box_wrap(PyObject *self, PyObject *args)
{
    PyObject *obj;
    if (!PyArg_ParseTuple(args, "O", &obj))
        return NULL;
    PyObject *t = PyTuple_New(1);
    if (t == NULL)
        return NULL;
    if (PyTuple_SetItem(t, 0, obj) < 0) {  // expect: over-release
        Py_DECREF(t);
        return NULL;
    }
    return t;
}

static PyMethodDef box_methods[] = {
    {"wrap", box_wrap, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef box_module = {PyModuleDef_HEAD_INIT, "box", NULL, -1, box_methods};

PyMODINIT_FUNC PyInit_box(void) { return PyModule_Create(&box_module); }
