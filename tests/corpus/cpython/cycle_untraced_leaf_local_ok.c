/* cycle-untraced: a Tag's label is set from a local variable that only ever
 * holds a str (PyUnicode_FromFormat, then PyUnicode_Append in place) or
 * NULL, so the label refers to no other object: the cycle Tag.label ->
 * Link.tag -> Tag cannot form, and the traverse need not visit it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct TagObject {
    PyObject_HEAD
    PyObject *label;
    PyObject *extra;
} TagObject;

typedef struct {
    PyObject_HEAD
    TagObject *tag;
} LinkObject;

static int tag_traverse(TagObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->extra);
    return 0;
}

static int link_traverse(LinkObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->tag);
    return 0;
}

PyObject *tag_relabel(TagObject *self, PyObject *args)
{
    int n;
    PyObject *label;
    if (!PyArg_ParseTuple(args, "i", &n))
        return NULL;
    label = PyUnicode_FromFormat("tag-%d", n);
    if (label == NULL)
        return NULL;
    if (self->label != NULL) {
        PyUnicode_Append(&label, self->label);
        if (label == NULL)
            return NULL;
    }
    Py_XSETREF(self->label, label);
    Py_RETURN_NONE;
}

static PyTypeObject Tag_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Tag",
    .tp_basicsize = sizeof(TagObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)tag_traverse,
};

static PyTypeObject Link_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Link",
    .tp_basicsize = sizeof(LinkObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)link_traverse,
};

int add_tag_types(PyObject *module)
{
    if (PyModule_AddType(module, &Tag_Type) < 0)
        return -1;
    return PyModule_AddType(module, &Link_Type);
}
