#include <Python.h>
typedef struct { PyObject_HEAD PyObject *text; } ElemObj;
typedef struct { PyObject *buffer; Py_ssize_t pos; } Writer;
static int insert_consume(PyObject *d, PyObject *key, PyObject *value)  /* consumes key, value */
{
    if (PyDict_SetItem(d, key, value) < 0) {
        Py_DECREF(key);
        Py_DECREF(value);
        return -1;
    }
    Py_DECREF(key);
    Py_DECREF(value);
    return 0;
}
static void set_ptr(PyObject **p, PyObject *v)               /* steals v */
{
    PyObject *tmp = *p;
    *p = v;
    Py_XDECREF(tmp);
}
static inline void writer_init(Writer *w, PyObject *buf)    /* steals buf */
{
    memset(w, 0, sizeof(*w));
    w->buffer = buf;
}
static PyObject *writer_finish(Writer *w) { PyObject *b = w->buffer; w->buffer = NULL; return b; }
int text_setter(ElemObj *self, PyObject *value, void *closure) /* correct */
{
    Py_INCREF(value);
    set_ptr(&self->text, value);
    return 0;
}
int put(PyObject *d, PyObject *k, PyObject *v)   /* correct */
{
    Py_INCREF(k);
    Py_INCREF(v);
    return insert_consume(d, k, v);
}
PyObject *decode(Py_ssize_t n)                   /* correct */
{
    Writer w;
    PyObject *u = PyUnicode_New(n, 127);
    if (u == NULL)
        return NULL;
    writer_init(&w, u);
    return writer_finish(&w);
}
