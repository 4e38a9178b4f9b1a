/* Root cause E: arguments that accept NULL by design. */
#include <Python.h>
typedef struct { PyObject *dialect_type; } modstate;
static PyType_Spec spec = {"m.T", sizeof(PyObject), 0, Py_TPFLAGS_DEFAULT, NULL};
int exec_mod(PyObject *m)                                     /* correct (_csv.c:1726) */
{
    modstate *st = PyModule_GetState(m);
    PyObject *t = PyType_FromModuleAndSpec(m, &spec, NULL);
    st->dialect_type = t;
    if (PyModule_AddObjectRef(m, "T", t) < 0)   /* NULL t: returns -1, exception kept */
        return -1;
    return 0;
}
PyObject *pair(long a, long b)                                /* correct (_cursesmodule.c:4607) */
{
    PyObject *t = PyTuple_New(2);
    if (t == NULL)
        return NULL;
    PyTuple_SET_ITEM(t, 0, PyLong_FromLong(a));
    PyTuple_SET_ITEM(t, 1, PyLong_FromLong(b));
    if (PyErr_Occurred()) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}
