/* cycle-created: the Link pair linked one way only: a owns b, and b's
 * `other` is cleared rather than pointed back at a. Link (not GC-tracked)
 * still reports cycle-untraced: its `other` field can close a cycle. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct LinkObject { // expect: cycle-untraced
    PyObject_HEAD
    struct LinkObject *other; /* owned */
} LinkObject;

static PyTypeObject Link_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Link",
    .tp_basicsize = sizeof(LinkObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

int pair_up(PyObject *module, LinkObject *a, LinkObject *b)
{
    Py_INCREF(b);
    Py_XSETREF(a->other, b);
    Py_CLEAR(b->other);
    return PyModule_AddType(module, &Link_Type);
}
