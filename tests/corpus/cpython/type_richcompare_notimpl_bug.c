/* tp_richcompare must return a new reference, Py_NotImplemented included:
 * Py_RETURN_NOTIMPLEMENTED adds the reference.
 * BUG: the borrowed Py_NotImplemented is returned as is.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    long number;
} VersionObject;

PyTypeObject VersionType;

static PyObject *
Version_richcompare(VersionObject *self, PyObject *other, int op)
{
    if (!PyObject_TypeCheck(other, &VersionType) || (op != Py_EQ && op != Py_NE))
        return Py_NotImplemented;  // expect: borrowed-return
    int eq = self->number == ((VersionObject *)other)->number;
    return PyBool_FromLong(op == Py_EQ ? eq : !eq);
}

PyTypeObject VersionType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "ver.Version",
    .tp_basicsize = sizeof(VersionObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_richcompare = (richcmpfunc)Version_richcompare,
    .tp_new = PyType_GenericNew,
};
