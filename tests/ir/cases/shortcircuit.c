/* && / || / ?: / comma: as branch conditions (chains of branches), as values
 * (1/0 or the arms assigned into a temporary or straight into the target), as
 * statements; temporaries live until the end of the full expression. */
#include "mini.h"

int check(PyObject *o);

int conds(PyObject *a, PyObject *b, int n) {
    int ok;
    if (a && b)
        n = 1;
    if (a == NULL || b == NULL || n < 0)
        return -1;
    if (!(a && !b))
        n = 2;
    if (n ? a != NULL : b != NULL)
        n = 3;
    if (check(a) && check(b))
        n = 4;
    ok = a != NULL && check(a);
    ok = !a;
    a && check(a);
    n = (check(a), check(b));
    if (n++, a)
        n = 5;
    return ok ? n : -n;
}

PyObject *pick(PyObject *a, int which) {
    PyObject *r = which ? a : PyLong_FromLong(0);
    PyObject *s;
    s = which > 1 ? PyLong_FromLong(1) : NULL;
    check(which ? r : s);
    return r;
}
