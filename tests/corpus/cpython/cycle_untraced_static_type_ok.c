/* cycle-untraced: the linked-list node type, GC-tracked with a traverse that
 * visits both owned fields and a clear. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct NodeObject {
    PyObject_HEAD
    struct NodeObject *next; /* owned */
    PyObject *value;         /* owned */
} NodeObject;

static int node_traverse(NodeObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->next);
    Py_VISIT(self->value);
    return 0;
}

static int node_clear(NodeObject *self)
{
    Py_CLEAR(self->next);
    Py_CLEAR(self->value);
    return 0;
}

static void node_dealloc(NodeObject *self)
{
    PyObject_GC_UnTrack(self);
    node_clear(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject Node_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "demo.Node",                /* tp_name */
    sizeof(NodeObject),         /* tp_basicsize */
    0,                          /* tp_itemsize */
    (destructor)node_dealloc,   /* tp_dealloc */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* tp_vectorcall_offset .. tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC, /* tp_flags */
    0,                          /* tp_doc */
    (traverseproc)node_traverse, /* tp_traverse */
    (inquiry)node_clear,        /* tp_clear */
};

int add_node_type(PyObject *module)
{
    return PyModule_AddType(module, &Node_Type);
}
