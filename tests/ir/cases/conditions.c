/* Leaf conditions: comparisons with NULL and constants (normalized so the
 * constant is on the right), truth tests, "!" as swapped targets, and
 * assignments inside conditions. */
#include "mini.h"

int status(void);

int conditions(PyObject *x, long n) {
    PyObject *y;
    if (x == NULL)
        return -1;
    if (!x)
        return -2;
    if (x)
        n = 1;
    if (n < 0)
        return -3;
    if (NULL != x)
        n = 2;
    if (0 > n)
        return -4;
    if ((y = PyLong_FromLong(n)) == NULL)
        return -5;
    if (!(y = PyLong_FromLong(n)))
        return -6;
    if (status() < 0)
        return -7;
    if (x == y)
        return -8;
    if (1)
        n = 3;
    return 0;
}
