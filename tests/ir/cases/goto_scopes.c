/* A goto kills the variables of the scopes it leaves (those not around its
 * label), declared before it; a goto within a scope kills nothing. */
typedef struct _object { long ob_refcnt; } PyObject;
PyObject *f(int);
int g(PyObject *);
int h(int n) {
    PyObject *top = f(0);
    for (int i = 0; i < n; i++) {
        PyObject *item = f(i);
        if (g(item) < 0)
            goto error;
        {
            PyObject *inner = f(2);
            if (!inner) goto next;
            PyObject *late = f(3);
        next:
            g(inner);
        }
    }
    return 0;
error:
    g(top);
    return -1;
}
