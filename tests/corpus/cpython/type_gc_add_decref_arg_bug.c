/* A METH_O method of a GC type appending its argument to a list field:
 * PyList_Append takes its own reference and the argument is borrowed, so the
 * method releases nothing.
 * BUG: the borrowed argument 'child' is released.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *children;  /* list, created on first use */
} NodeObject;

static PyObject *
Node_add(NodeObject *self, PyObject *child)
{
    if (self->children == NULL) {
        PyObject *l = PyList_New(0);
        if (l == NULL)
            return NULL;
        self->children = l;  /* the node now owns the list */
    }
    if (PyList_Append(self->children, child) < 0)
        return NULL;
    Py_DECREF(child);  // expect: over-release
    Py_RETURN_NONE;
}

static int
Node_traverse(NodeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->children);
    return 0;
}

static int
Node_clear(NodeObject *self)
{
    Py_CLEAR(self->children);
    return 0;
}

static void
Node_dealloc(NodeObject *self)
{
    PyObject_GC_UnTrack(self);
    Node_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyMethodDef Node_methods[] = {
    {"add", (PyCFunction)Node_add, METH_O, "add(child)"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject NodeType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "tree.Node",
    .tp_basicsize = sizeof(NodeObject),
    .tp_dealloc = (destructor)Node_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)Node_traverse,
    .tp_clear = (inquiry)Node_clear,
    .tp_methods = Node_methods,
    .tp_new = PyType_GenericNew,
};
