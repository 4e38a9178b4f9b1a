/* Unlike PyList_GetItem, PySequence_GetItem returns a NEW reference, which
 * the loop must release every iteration.
 * BUG: 'item' is lost at the end of each iteration and on the error return.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *
agg_sum(PyObject *self, PyObject *seq)
{
    Py_ssize_t n = PySequence_Size(seq);
    if (n < 0)
        return NULL;
    long total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(seq, i);
        if (item == NULL)
            return NULL;
        long v = PyLong_AsLong(item);
        if (v == -1 && PyErr_Occurred())
            return NULL;  // expect: leak
        total += v;
    }  // expect: leak
    return PyLong_FromLong(total);
}

static PyMethodDef agg_methods[] = {
    {"sum", agg_sum, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef agg_module = {PyModuleDef_HEAD_INIT, "agg", NULL, -1, agg_methods};

PyMODINIT_FUNC PyInit_agg(void) { return PyModule_Create(&agg_module); }
