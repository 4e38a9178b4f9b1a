/* A helper fills the caller's plain struct with a new reference, then
 * releases it through the local that still holds it: the caller's
 * out->value dangles (a reviewer's case against taking references back
 * from such a struct on any release).
 * BUG: the stored reference is released; twice, on two shapes. */
#include <Python.h>

struct result {
    PyObject *value;
    int code;
};

int
fill_result(struct result *out, long n)
{
    PyObject *v = PyLong_FromLong(n);
    if (v == NULL)
        return -1;
    out->value = v;
    out->code = 0;
    Py_DECREF(v);  // expect: over-release
    return 0;
}

int
fill_result2(struct result *out, PyObject *seq)
{
    int rc = -1;
    PyObject *v = PySequence_Tuple(seq);
    if (v == NULL)
        goto done;
    out->value = v;
    rc = 0;
done:
    Py_XDECREF(v);  // expect: over-release
    return rc;
}
