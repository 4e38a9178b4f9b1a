/* addr_alias_clear_bug.c: a pointer assigned once from &o is o: clearing
 * through it releases o's reference, so the later decref of o's old value
 * (kept in a copy) releases it twice. */
#include <Python.h>

void clear_then_decref(void)
{
    PyObject *o = PyLong_FromLong(2);
    if (o == NULL)
        return;
    PyObject *copy = o;
    PyObject **slot = &o;
    Py_CLEAR(*slot);
    Py_DECREF(copy); // expect: over-release, use-after-release
}
