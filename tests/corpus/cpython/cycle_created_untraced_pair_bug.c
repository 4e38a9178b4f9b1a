/* cycle-created: two Link objects made to own each other (a->other = b,
 * b->other = a, each with its own reference); Link is not GC-tracked, so
 * the pair is never freed: a warning (and cycle-untraced for the type). */
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
    Py_INCREF(a);
    Py_XSETREF(b->other, a); // expect: cycle-created
    return PyModule_AddType(module, &Link_Type);
}
