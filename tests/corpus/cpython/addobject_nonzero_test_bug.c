/* The twin of addobject_nonzero_test_ok.c testing `== 0` instead: the
 * success side releases the reference the module took. */
#include <Python.h>

static int
add_answer(PyObject *m)
{
    PyObject *temp = PyLong_FromLong(42);
    if (temp == NULL)
        return -1;
    if (PyModule_AddObject(m, "answer", temp) == 0) {
        Py_DECREF(temp); // expect: over-release
        return -1;
    }
    return 0; // expect: leak
}
