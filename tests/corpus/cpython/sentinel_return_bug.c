/* The twin of sentinel_return_ok.c: one caller releases the result without
 * comparing it with Py_None, so the helper's borrowed Py_None is a
 * borrowed reference where a new one is due. */
#include <Python.h>
static PyObject *
get_uri(int nid)
{
    if (nid < 0)
        return Py_None; // expect: borrowed-return
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
int
count(int nid)
{
    PyObject *obj = get_uri(nid);
    if (obj == NULL)
        return -1;
    Py_DECREF(obj);
    return 1;
}
