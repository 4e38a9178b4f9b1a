/* cycle-untraced: the Tag of the _ok twin, but the local variable may also
 * be filled by PyArg_ParseTuple's "O" (through &label): any object the
 * caller passes, a Link of the same Tag among them (Tag.label -> Link.tag ->
 * Tag), and the traverse does not visit the label. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct TagObject {
    PyObject_HEAD
    PyObject *label; // expect: cycle-untraced
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
    if (n < 0) {
        if (!PyArg_ParseTuple(args, "iO", &n, &label))
            return NULL;
        Py_INCREF(label);
    }
    else
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
