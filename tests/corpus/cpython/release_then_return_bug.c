/* The twin of release_then_return_ok.c: the caller releases the result,
 * which the helper handed over without a reference. */
#include <Python.h>

static PyObject *
get_cache(PyObject *type)
{
    PyObject *cache = PyObject_GetAttrString(type, "_cache");
    Py_XDECREF(cache);
    return cache; // expect: use-after-release
}

PyObject *
cache_get(PyObject *type, PyObject *key)
{
    PyObject *cache = get_cache(type);
    if (cache == NULL)
        return NULL;
    PyObject *r = PyObject_GetItem(cache, key);
    Py_DECREF(cache); // expect: over-release
    return r;
}
