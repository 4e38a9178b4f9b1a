/* switch: a chain of EQ tests against the case values (enum constants and
 * expressions evaluated), fall-through between case bodies, default in the
 * middle, a GNU case range, nested switch, break out of a scope. */
#include "mini.h"

enum kind { K_A = 1, K_B = 2, K_C = 4 };

int classify(int k, PyObject *o) {
    int r = 0;
    switch (k) {
    case K_A:
        r = 1;
        /* fall through */
    case K_B:
    case K_B + 1:
        r += 2;
        break;
    default:
        r = -1;
    case K_C: {
        PyObject *t = PyLong_FromLong(r);
        if (!t)
            break;
        Py_DECREF(t);
        break;
    }
    case 10 ... 20:
        r = 10;
        break;
    case -1:
        switch (r) {
        case 0:
            return 0;
        }
        break;
    }
    return r;
}

void no_default(int k) {
    switch (k) {
    case 1:
        k = 0;
    }
}
