/* A static helper that writes a new reference through a PyObject **
 * argument on failure (floatobject.c convert_to_double: Py_NotImplemented,
 * incref'd, for an operand that is not a number) and leaves it alone on
 * success. refflow has no contract for what a same-file helper writes
 * through a pointer, so the variable is unknown after the call; what the
 * caller does with its other references is still checked.
 * BUG: the sum is leaked when the second conversion fails.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int
to_double(PyObject **v, double *d)
{
    PyObject *obj = *v;
    if (PyLong_Check(obj)) {
        *d = PyLong_AsDouble(obj);
        if (*d == -1.0 && PyErr_Occurred()) {
            *v = NULL;
            return -1;
        }
        return 0;
    }
    Py_INCREF(Py_NotImplemented);
    *v = Py_NotImplemented;
    return -1;
}

static PyObject *
num_add_twice(PyObject *v, PyObject *w)
{
    double a, b;
    if (to_double(&v, &a) < 0)
        return v;
    PyObject *sum = PyFloat_FromDouble(a + a);
    if (sum == NULL)
        return NULL;
    if (to_double(&w, &b) < 0)
        return w;  // expect: leak
    Py_DECREF(sum);
    return PyFloat_FromDouble(a + a + b);
}

static PyNumberMethods num_as_number = {.nb_add = num_add_twice};

PyTypeObject NumType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "num.Num",
    .tp_as_number = &num_as_number,
};
