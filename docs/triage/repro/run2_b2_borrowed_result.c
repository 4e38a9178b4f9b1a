#include <Python.h>
typedef struct { PyObject_HEAD PyObject *attrib; PyObject *name; } ElemObj;
static inline PyObject *get_attrib(ElemObj *self)   /* borrowed, created lazily */
{
    PyObject *res = self->attrib;
    if (!res)
        res = self->attrib = PyDict_New();
    return res;
}
static PyObject *descr_name(ElemObj *d)            /* borrowed or NULL */
{
    if (d->name != NULL && PyUnicode_Check(d->name))
        return d->name;
    return NULL;
}
int elem_set(ElemObj *self, PyObject *k, PyObject *v)   /* correct */
{
    PyObject *attrib = get_attrib(self);
    if (attrib == NULL)
        return -1;
    if (PyDict_SetItem(attrib, k, v) < 0) {
        PyErr_Format(PyExc_TypeError, "%V", descr_name(self), "?");
        return -1;
    }
    return 0;
}
