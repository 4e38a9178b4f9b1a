/* A reference stored into a field by this function and later moved back
 * out of it (Py_CLEAR, Py_XSETREF read the field into a temporary and
 * overwrite the field) is the function's again: releasing it is fine. The
 * twin field_store_then_clear_bug.c releases it once more. */
#include <Python.h>

typedef struct { PyObject_HEAD PyObject *data; } Decomp;

static int
decomp_init(Decomp *self, PyObject *flag)
{
    Py_XSETREF(self->data, PyBytes_FromStringAndSize(NULL, 0));
    if (self->data == NULL)
        return -1;
    if (PyObject_IsTrue(flag) < 0) { /* a call with a rule: the field's binding survives */
        Py_CLEAR(self->data);
        return -1;
    }
    return 0;
}
