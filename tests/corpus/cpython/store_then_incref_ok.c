/* Store first, incref right after: `self->ctx = ctx; Py_INCREF(ctx);` is
 * the structure's reference, not one this function must give back, even
 * after an unknown call makes the engine forget what the field holds. The
 * twin store_then_incref_bug.c returns that reference as a new one. */
#include <Python.h>

typedef struct { PyObject_HEAD PyObject *ctx; } Holder;

extern int holder_setup(Holder *self);

PyObject *
holder_attach(Holder *self, PyObject *ctx)
{
    self->ctx = ctx;
    Py_INCREF(ctx);
    if (holder_setup(self) < 0)
        return NULL;
    return Py_NewRef(ctx);
}

int
holder_out(PyObject **out)
{
    *out = Py_None;
    Py_INCREF(*out);
    return 0;
}
