/* scratch_tuple_giveback_ok.c with a slot not taken back: pack_single's
 * incref loop starts at slot 1, so the tuple's release drops the reference
 * to 'mview' in slot 0 and the later release of 'mview' is one too many;
 * pack_list's clearing loop starts at slot 2, so the tuple still holds the
 * previous 'offset' in slot 1 when the next iteration releases it.
 * And three of a reviewer's cases: new references cleared out of the tuple
 * with NULL are lost; an incref loop whose body may skip the incref, and a
 * single incref that is no loop, take nothing back.
 * BUG: two over-releases through a scratch tuple; two leaks; four
 * borrowed items given to the tuple without a reference. */
#include <Python.h>

extern Py_ssize_t member_count(PyObject *s);

static int
pack_single(PyObject *item, PyObject *packer)
{
    PyObject *args = NULL, *mview = NULL, *zero = NULL, *x;
    Py_ssize_t i, nmemb;
    int ret = -1;

    nmemb = member_count(packer);
    mview = PyLong_FromLong(1000);
    if (mview == NULL)
        goto out;
    zero = PyLong_FromLong(1001);
    if (zero == NULL)
        goto out;
    args = PyTuple_New(2 + nmemb);
    if (args == NULL)
        goto out;
    /* args[j] are borrowed references from here on */
    PyTuple_SET_ITEM(args, 0, mview);
    PyTuple_SET_ITEM(args, 1, zero);
    if (PyLong_Check(item) && nmemb == 1) {
        PyTuple_SET_ITEM(args, 2, item);
    }
    else if (PyTuple_Check(item) && PyTuple_GET_SIZE(item) == nmemb) {
        for (i = 0; i < nmemb; i++) {
            x = PyTuple_GET_ITEM(item, i);
            PyTuple_SET_ITEM(args, 2 + i, x);
        }
    }
    else {
        PyErr_SetString(PyExc_ValueError, "mismatch");
        goto args_out;
    }
    x = PyObject_CallObject(packer, args);
    if (x != NULL) {
        Py_DECREF(x);
        ret = 0;
    }
args_out:
    for (i = 1; i < 2 + nmemb; i++)
        Py_XINCREF(PyTuple_GET_ITEM(args, i));
    Py_XDECREF(args);
out:
    Py_XDECREF(zero);
    Py_XDECREF(mview);  // expect: over-release
    return ret;
}

static int
pack_list(PyObject *obj, PyObject *items, PyObject *packer, Py_ssize_t nmemb)
{
    PyObject *args, *offset = NULL, *item, *tmp;
    Py_ssize_t nitems = PyList_GET_SIZE(items), i, j;
    int ret = 0;

    args = PyTuple_New(2 + nmemb);
    if (args == NULL)
        return -1;
    PyTuple_SET_ITEM(args, 0, obj);
    for (i = 0; i < nitems; i++) {
        PyTuple_SET_ITEM(args, 0, obj); /* the same borrowed reference again */
        for (j = 2; j < 2 + nmemb; j++)
            PyTuple_SET_ITEM(args, j, NULL);
        Py_XDECREF(offset);  // expect: over-release
        offset = PyLong_FromSsize_t(i);
        if (offset == NULL) {
            ret = -1;
            break;
        }
        PyTuple_SET_ITEM(args, 1, offset);
        item = PyList_GET_ITEM(items, i);
        PyTuple_SET_ITEM(args, 2, item);
        tmp = PyObject_CallObject(packer, args);
        if (tmp == NULL) {
            ret = -1;
            break;
        }
        Py_DECREF(tmp);
    }
    Py_INCREF(obj); /* args[0] */
    /* args[1]: offset, released with the tuple */
    for (i = 2; i < 2 + nmemb; i++) {
        tmp = PyTuple_GET_ITEM(args, i);
        Py_XINCREF(tmp);
    }
    Py_DECREF(args);
    return ret;
}

static PyObject *
scratch_null_leak(PyObject *callable)
{
    Py_ssize_t j;
    PyObject *args = PyTuple_New(2);
    if (args == NULL)
        return NULL;
    PyObject *a = PyLong_FromLong(1000);
    if (a == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyTuple_SET_ITEM(args, 0, a);
    PyObject *b = PyLong_FromLong(2000);
    if (b == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyTuple_SET_ITEM(args, 1, b);
    PyObject *res = PyObject_Call(callable, args, NULL);
    for (j = 0; j < 2; j++)
        PyTuple_SET_ITEM(args, j, NULL);
    Py_DECREF(args);
    return res;  // expect: leak
}

PyObject *
scratch_guarded(PyObject *callable, PyObject *x, PyObject *y, int keep)
{
    Py_ssize_t j;
    PyObject *args = PyTuple_New(2);
    if (args == NULL)
        return NULL;
    PyTuple_SET_ITEM(args, 0, x);  // expect: over-release
    PyTuple_SET_ITEM(args, 1, y);  // expect: over-release
    PyObject *res = PyObject_CallObject(callable, args);
    for (j = 0; j < 2; j++) {
        if (keep)
            Py_INCREF(PyTuple_GET_ITEM(args, j));
    }
    Py_DECREF(args);
    return res;
}

PyObject *
scratch_not_a_loop(PyObject *callable, PyObject *x, PyObject *y)
{
    Py_ssize_t j;
    PyObject *args = PyTuple_New(2);
    if (args == NULL)
        return NULL;
    PyTuple_SET_ITEM(args, 0, x);  // expect: over-release
    PyTuple_SET_ITEM(args, 1, y);  // expect: over-release
    j = 0;
    PyObject *res = PyObject_CallObject(callable, args);
    Py_INCREF(PyTuple_GET_ITEM(args, j));
    Py_DECREF(args);
    return res;
}

static PyObject *
pack(PyObject *self, PyObject *args)
{
    PyObject *item, *items, *packer;
    if (!PyArg_ParseTuple(args, "OO!O", &item, &PyList_Type, &items, &packer))
        return NULL;
    if (pack_single(item, packer) < 0 || pack_list(item, items, packer, 1) < 0)
        return NULL;
    PyObject *r1 = scratch_null_leak(packer);
    Py_XDECREF(r1);
    Py_RETURN_NONE;
}

static PyMethodDef stg_methods[] = {
    {"pack", pack, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef stg_module = {PyModuleDef_HEAD_INIT, "stg", NULL, -1, stg_methods};

PyMODINIT_FUNC PyInit_stg(void) { return PyModule_Create(&stg_module); }
