/* cycle-untraced: a linked-list node type whose `next` owns another node,
 * with a static PyTypeObject that lacks Py_TPFLAGS_HAVE_GC: a ring of nodes
 * is never freed. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct NodeObject { // expect: cycle-untraced
    PyObject_HEAD
    struct NodeObject *next; /* owned */
    PyObject *value;         /* owned */
} NodeObject;

static void node_dealloc(NodeObject *self)
{
    Py_XDECREF(self->next);
    Py_XDECREF(self->value);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject Node_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "demo.Node",                /* tp_name */
    sizeof(NodeObject),         /* tp_basicsize */
    0,                          /* tp_itemsize */
    (destructor)node_dealloc,   /* tp_dealloc */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* tp_vectorcall_offset .. tp_as_buffer */
    Py_TPFLAGS_DEFAULT,         /* tp_flags */
};

int add_node_type(PyObject *module)
{
    return PyModule_AddType(module, &Node_Type);
}
