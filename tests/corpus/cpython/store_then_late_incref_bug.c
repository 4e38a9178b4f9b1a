/* store_then_late_incref_ok.c with the key incref'd twice: one incref pays
 * for the store, the other is never given back.
 * BUG: a leak of the extra reference to the key. */
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
        Py_INCREF(key);
        Py_INCREF(value);
        t->used++;
    }
    *result = value;
    return 0;  // expect: leak
}
