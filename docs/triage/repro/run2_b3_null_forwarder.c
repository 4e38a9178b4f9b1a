#include <Python.h>
static PyObject *type_error(const char *msg, PyObject *obj)  /* always NULL */
{
    PyErr_Format(PyExc_TypeError, msg, Py_TYPE(obj)->tp_name);
    return NULL;
}
static PyObject *posix_error(void) { return PyErr_SetFromErrno(PyExc_OSError); }
int set_item(PyObject *o, PyObject *key)          /* correct */
{
    if (!PyLong_Check(key)) {
        type_error("bad key %.200s", key);
        return -1;
    }
    if (PyObject_Length(o) < 0) {
        posix_error();
        return -1;
    }
    return 0;
}
