/* addr_unknown_callee_ok.c: a reference whose address goes to a function
 * refflow has no rule for may be taken by it (a consume-or-clear helper):
 * it counts as handed over, not as overwritten and leaked. A pointer
 * assigned once from &o is o: Py_CLEAR through it clears o. */
#include <Python.h>

void consume_object(PyObject **slot);

void give_by_address(void)
{
    PyObject *o = PyLong_FromLong(1);
    if (o == NULL)
        return;
    consume_object(&o);
}

void clear_through_pointer(void)
{
    PyObject *o = PyLong_FromLong(2);
    PyObject **slot = &o;
    Py_CLEAR(*slot);
    Py_XDECREF(o);
}
