/* Root cause D: PyModuleDef_Init's rule says borrowed; PyInit_* must return it. */
#include <Python.h>
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "m", NULL, 0, NULL};
PyMODINIT_FUNC PyInit_m(void)                                 /* correct */
{
    return PyModuleDef_Init(&mod);
}
