/* cycle-untraced: a Writer's output buffer only ever holds a bytes object
 * (made by PyBytes_FromStringAndSize, replaced with Py_XSETREF, grown in
 * place with _PyBytes_Resize), which refers to no other object: the cycle
 * Writer.buffer -> Proxy.writer -> Writer cannot form, so the traverse need
 * not visit the buffer (_pickle.c's PicklerObject.output_buffer). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct WriterObject {
    PyObject_HEAD
    PyObject *buffer;
    Py_ssize_t len;
    PyObject *callback;
} WriterObject;

typedef struct {
    PyObject_HEAD
    WriterObject *writer;
} ProxyObject;

static int writer_traverse(WriterObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->callback);
    return 0;
}

static int writer_clear(WriterObject *self)
{
    Py_CLEAR(self->buffer);
    Py_CLEAR(self->callback);
    return 0;
}

static int proxy_traverse(ProxyObject *self, visitproc visit, void *arg)
{
    Py_VISIT(self->writer);
    return 0;
}

int writer_reset(WriterObject *self, Py_ssize_t size)
{
    Py_XSETREF(self->buffer, PyBytes_FromStringAndSize(NULL, size));
    if (self->buffer == NULL)
        return -1;
    self->len = 0;
    return 0;
}

int writer_grow(WriterObject *self, Py_ssize_t size)
{
    if (_PyBytes_Resize(&self->buffer, size) < 0)
        return -1;
    self->len = size;
    return 0;
}

static PyTypeObject Writer_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Writer",
    .tp_basicsize = sizeof(WriterObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)writer_traverse,
    .tp_clear = (inquiry)writer_clear,
};

static PyTypeObject Proxy_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "demo.Proxy",
    .tp_basicsize = sizeof(ProxyObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_traverse = (traverseproc)proxy_traverse,
};

int add_writer_types(PyObject *module)
{
    if (PyModule_AddType(module, &Writer_Type) < 0)
        return -1;
    return PyModule_AddType(module, &Proxy_Type);
}
