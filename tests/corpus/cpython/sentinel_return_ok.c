/* A static helper that returns a new list or the borrowed Py_None as a
 * sentinel (_ssl.c's _get_aia_uri), where every caller compares the result
 * with Py_None before releasing it: the sentinel is not a borrowed-for-new
 * mistake. The twin sentinel_return_bug.c has a caller that does not compare. */
#include <Python.h>
static PyObject *
get_uri(int nid)
{
    if (nid < 0)
        return Py_None;
    return PyList_New(0);
}
PyObject *
decode(PyObject *retval)
{
    PyObject *obj = get_uri(3);
    if (obj == NULL)
        return NULL;
    else if (obj != Py_None) {
        PyDict_SetItemString(retval, "OCSP", obj);
        Py_DECREF(obj);
    }
    return Py_NewRef(retval);
}
