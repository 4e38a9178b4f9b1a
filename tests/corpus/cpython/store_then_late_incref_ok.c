/* Store first, incref later (PyDict_SetDefault, Objects/dictobject.c:3345-
 * 3364: `ep->me_key = key; ... ep->me_value = value; ...; Py_INCREF(key);
 * Py_INCREF(value);`, more than a few lines apart): in a function that
 * returns no new reference, an incref of a reference stored without being
 * owned pays for the store, however far apart the two are. The result (a
 * status here, PyDict_SetDefault's borrowed value there) is no new
 * reference the incref could be for. */
#include <Python.h>

typedef struct {
    PyObject *key;
    Py_hash_t hash;
    PyObject *value;
} entry;

typedef struct {
    Py_ssize_t used, usable;
    entry *entries;
} table;

extern Py_ssize_t table_find(table *t, PyObject *key, Py_hash_t hash, PyObject **value_addr);

int
table_setdefault(table *t, PyObject *key, PyObject *defaultobj, PyObject **result)
{
    PyObject *value;
    Py_hash_t hash = PyObject_Hash(key);
    if (hash == -1)
        return -1;
    Py_ssize_t ix = table_find(t, key, hash, &value);
    if (ix == -3)
        return -1;
    if (ix == -1) {
        entry *ep = &t->entries[t->used];
        value = defaultobj;
        ep->key = key;
        ep->hash = hash;
        ep->value = value;
        /* the bookkeeping of a real table goes here:
         * the index of the new entry,
         * its hash slot,
         * the version tag,
         * the usable count */
        t->usable--;
        Py_INCREF(key);
        Py_INCREF(value);
        t->used++;
    }
    *result = value;
    return 0;
}
