/* PyList_SetItem steals the item even when it fails (index out of range: it
 * releases the item itself), so the failure path must not release it again.
 * Correct twin of list_setitem_fail_decref_bug.c: same code with the bug fixed.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
slots_put(PyObject *self, PyObject *args)
{
    PyObject *list;
    Py_ssize_t i;
    const char *text;
    if (!PyArg_ParseTuple(args, "Ons", &list, &i, &text))
        return NULL;
    PyObject *s = PyUnicode_FromString(text);
    if (s == NULL)
        return NULL;
    if (PyList_SetItem(list, i, s) < 0) {
        return NULL;
    }
    Py_RETURN_NONE;
}

static PyMethodDef slots_methods[] = {
    {"put", slots_put, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef slots_module = {PyModuleDef_HEAD_INIT, "slots", NULL, -1, slots_methods};

PyMODINIT_FUNC PyInit_slots(void) { return PyModule_Create(&slots_module); }
