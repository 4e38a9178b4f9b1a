/* Which functions are lowered: every definition in the main file (static,
 * static inline, K&R style, made by a macro written here, unnamed
 * parameters), none from headers; declarations only are not lowered.
 * A function's own facts (annotations, returns a reference) are in its
 * header line; callees defined later in the file are "here". */
#include "mini.h"

#define DEFINE_GETTER(name, field) \
    static PyObject *name(PyObject *self) { return self->field; }

PyObject *declared_only(void);
PyObject *later(PyObject *o);

static inline int twice(int x) { return 2 * x; }

int old_style(a, b)
    int a;
    long b;
{
    return a + (int)b;
}

DEFINE_GETTER(get_type, ob_type)

__attribute__((annotate("refflow:ret=borrowed"))) PyObject *borrow(PyObject *o, int) {
    return later(o);
}

PyObject *later(PyObject *o) {
    return o;
}
