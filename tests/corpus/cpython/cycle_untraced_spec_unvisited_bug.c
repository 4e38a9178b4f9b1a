/* cycle-untraced: a heap type (PyType_Spec) for a tree node, GC-tracked, whose
 * traverse visits the children but not the owned parent: parent <-> child
 * cycles stay invisible to the collector. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct TreeObject {
    PyObject_HEAD
    struct TreeObject *parent; // expect: cycle-untraced
    PyObject *children;        /* owned list */
} TreeObject;

static int tree_traverse(TreeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(Py_TYPE(self));
    Py_VISIT(self->children);
    return 0;
}

static int tree_clear(TreeObject *self)
{
    Py_CLEAR(self->parent);
    Py_CLEAR(self->children);
    return 0;
}

static PyType_Slot tree_slots[] = {
    {Py_tp_traverse, tree_traverse},
    {Py_tp_clear, tree_clear},
    {0, NULL},
};

PyType_Spec tree_spec = {
    .name = "demo.Tree",
    .basicsize = sizeof(TreeObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .slots = tree_slots,
};
