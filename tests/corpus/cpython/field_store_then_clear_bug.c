/* The twin of field_store_then_clear_ok.c: the field's reference is
 * released by Py_CLEAR, then once more through the local. */
#include <Python.h>

typedef struct { PyObject_HEAD PyObject *data; } Decomp;

static int
decomp_init(Decomp *self, PyObject *flag)
{
    PyObject *d = PyBytes_FromStringAndSize(NULL, 0);
    if (d == NULL)
        return -1;
    Py_XSETREF(self->data, d);
    if (PyObject_IsTrue(flag) < 0) { /* a call with a rule: the field's binding survives */
        Py_CLEAR(self->data);
        Py_DECREF(d); // expect: over-release, use-after-release
        return -1;
    }
    return 0;
}
