/* The twin of store_then_incref_ok.c: the incref right after the store is
 * the structure's, so returning ctx gives the caller a borrowed reference
 * where a new one is due. */
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
    return ctx; // expect: borrowed-return
}
