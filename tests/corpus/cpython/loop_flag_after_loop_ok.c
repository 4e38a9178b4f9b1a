/* A flag set together with a new reference before a loop, tested after the
 * loop that never assigns it (mathmodule.c math_dist_impl's p_allocated):
 * the loop does not make the flag unknown, so the release is paid for. */
#include <Python.h>

static double sum_items(PyObject *p) {
    int p_allocated = 0;
    double total = 0.0;
    if (!PyTuple_Check(p)) {
        p = PySequence_Tuple(p);
        if (p == NULL)
            return -1.0;
        p_allocated = 1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(p);
    for (Py_ssize_t i = 0; i < n; i++) {
        double x = PyFloat_AsDouble(PyTuple_GET_ITEM(p, i));
        if (x == -1.0 && PyErr_Occurred())
            break;
        total += x;
    }
    if (p_allocated)
        Py_DECREF(p);
    return total;
}
