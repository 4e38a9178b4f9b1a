/* PyModule_AddObject returns exactly 0 on success, so `!= 0` is its failure
 * test (_testmultiphase.c execfunc): the reference is not stolen on that
 * side, and releasing it there is right. */
#include <Python.h>

static int
add_answer(PyObject *m)
{
    PyObject *temp = PyLong_FromLong(42);
    if (temp == NULL)
        return -1;
    if (PyModule_AddObject(m, "answer", temp) != 0) {
        Py_DECREF(temp);
        return -1;
    }
    return 0;
}
