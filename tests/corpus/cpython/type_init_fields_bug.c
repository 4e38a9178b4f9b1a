/* tp_init of a type with two object fields: the new values go into the
 * fields with Py_XSETREF (which releases the old values); a failure before
 * that must release what was already created.
 * BUG: 'px' is lost when the second PyFloat_FromDouble fails.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject_HEAD
    PyObject *x;
    PyObject *y;
} PointObject;

static int
Point_init(PointObject *self, PyObject *args, PyObject *kwds)
{
    double x, y;
    if (!PyArg_ParseTuple(args, "dd", &x, &y))
        return -1;
    PyObject *px = PyFloat_FromDouble(x);
    if (px == NULL)
        return -1;
    PyObject *py = PyFloat_FromDouble(y);
    if (py == NULL) {
        return -1;  // expect: leak
    }
    Py_XSETREF(self->x, px);
    Py_XSETREF(self->y, py);
    return 0;
}

static void
Point_dealloc(PointObject *self)
{
    Py_XDECREF(self->x);
    Py_XDECREF(self->y);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

PyTypeObject PointType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "geom.Point",
    .tp_basicsize = sizeof(PointObject),
    .tp_dealloc = (destructor)Point_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_init = (initproc)Point_init,
    .tp_new = PyType_GenericNew,
};
