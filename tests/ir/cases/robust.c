/* Constructs the lowering must survive: statement expressions (inner
 * statements lowered, last value used), inline asm (ignored), a VLA,
 * __builtin_expect (seen through), __extension__, computed goto (path ends,
 * function incomplete), va_arg, _Generic, sizeof, offsetof, a nested
 * declaration of a function, labels without statements after them. */
#include "mini.h"
#include <stdarg.h>
#include <stddef.h>

#define likely(x) __builtin_expect(!!(x), 1)

int use_int(int);

PyObject *robust(int n, ...) {
    va_list ap;
    int vla[n];
    PyObject *o = ({ PyObject *t = PyLong_FromLong(n); t; });
    __asm__ volatile("" ::: "memory");
    if (likely(o != NULL))
        n = __extension__ 1;
    va_start(ap, n);
    n = va_arg(ap, int);
    va_end(ap);
    n = _Generic(n, int: 1, default: 2);
    use_int(sizeof(vla) + offsetof(PyObject, ob_type));
    {
        int nested(int);
        use_int(nested(n));
    }
    vla[0] = n;
    return o;
}

void computed(int i) {
    static void *targets[] = {&&one, &&two};
    goto *targets[i];
one:
    use_int(1);
two:
    ;
}
