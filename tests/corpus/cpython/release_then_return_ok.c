/* A helper that releases the reference it got and then returns the object
 * (`Py_XDECREF(cache); return cache;`, _zoneinfo.c's get_weak_cache, whose
 * type keeps the cache alive) gives its caller no reference: callers use
 * the result borrowed. The release-then-return in the helper's own body is
 * still reported where it is. The twin release_then_return_bug.c releases
 * the borrowed result in a caller. */
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
    return PyObject_GetItem(cache, key);
}
