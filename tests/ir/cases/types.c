/* Variable types: object pointers by typedef name, by struct tag, and by a
 * first member that is (recursively) an object header; other pointers, ints,
 * enums, bools, structs, arrays; casts keep the operand but take a reference
 * type from the cast. */
#include "mini.h"

typedef struct { PyObject_VAR_HEAD int x; } MyVar;
typedef struct { int refs; PyObject *o; } NotObj;
typedef struct _object Alias;
typedef Alias *AliasPtr;
enum color { RED, GREEN };

int types(void *vp, struct _object *tagged, Alias *alias, AliasPtr ap, MyVar *mv,
          PyTypeObject *tp, NotObj *no, PyObject **pp, enum color c, _Bool b, char ch) {
    NotObj value;
    int arr[3];
    PyObject *o = (PyObject *)vp;
    PyList_Append((PyObject *)vp, (PyObject *)mv);
    o = (void *)mv;
    return c + b + ch + arr[0] + value.refs;
}
