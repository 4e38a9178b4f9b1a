/* Root cause B: contracts of same-file static helpers are assumed
 * (params borrowed, result new) instead of inferred from their bodies. */
#include <Python.h>
typedef struct { PyObject_HEAD PyObject *attrib; } ElemObj;

static PyObject *tuple_of(PyObject *decoded, Py_ssize_t len)  /* steals 'decoded' */
{
    if (decoded == NULL)
        return NULL;
    return Py_BuildValue("Nn", decoded, len);
}
PyObject *decode(const char *s, Py_ssize_t n)                 /* correct */
{
    PyObject *decoded = PyUnicode_DecodeASCII(s, n, NULL);
    return tuple_of(decoded, n);
}

static PyObject *get_attrib(ElemObj *self)   /* returns a borrowed reference */
{
    return self->attrib;
}
PyObject *elem_set(ElemObj *self, PyObject *k, PyObject *v)   /* correct */
{
    PyObject *attrib = get_attrib(self);
    if (attrib == NULL)
        return NULL;
    if (PyDict_SetItem(attrib, k, v) < 0)
        return NULL;
    Py_RETURN_NONE;
}

static PyObject *set_error(const char *msg)   /* always returns NULL */
{
    PyErr_SetString(PyExc_ValueError, msg);
    return NULL;
}
int check(int ok)                                             /* correct */
{
    if (!ok) {
        set_error("bad");
        return -1;
    }
    return 0;
}
