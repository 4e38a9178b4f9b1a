/* Root cause B, continued: helper writing a new reference through PyObject** (complexobject.c
 * to_complex), and a helper taking ownership by storing (_elementtree.c _set_joined_ptr). */
#include <Python.h>
typedef struct { PyObject_HEAD PyObject *tail; } ElemObj;
static int to_num(PyObject **pobj, double *d)
{
    if (!PyFloat_Check(*pobj)) {
        *pobj = Py_NewRef(Py_NotImplemented);
        return -1;
    }
    *d = PyFloat_AS_DOUBLE(*pobj);
    return 0;
}
PyObject *num_add(PyObject *v, PyObject *w)                  /* correct */
{
    double a, b;
    if (to_num(&v, &a) < 0)
        return v;
    if (to_num(&w, &b) < 0)
        return w;
    return PyFloat_FromDouble(a + b);
}
static void set_ptr(PyObject **p, PyObject *v)               /* steals v */
{
    PyObject *tmp = *p;
    *p = v;
    Py_XDECREF(tmp);
}
int tail_setter(ElemObj *self, PyObject *value, void *closure) /* correct */
{
    Py_INCREF(value);
    set_ptr(&self->tail, value);
    return 0;
}
