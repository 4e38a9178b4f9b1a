-- sites: where a function gains, gives away or releases a reference.
-- kind: acquire (a call returned a reference), incref, decref, steal (passed
-- to a stealing argument), store (into the heap: a field, a global, *out),
-- return. callee is the call doing it (Py_DECREF, PyList_SetItem), arg its
-- 0-based argument; symbol names the variable or expression holding the
-- reference; symbol_origin names the call whose result the reference is
-- (PyList_GetItem), NULL for parameters, globals and fields; ref_kind says
-- what the reference was when it got here.
CREATE TABLE sites (
    id            INTEGER PRIMARY KEY,
    function_id   INTEGER NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL
                  CHECK (kind IN ('acquire', 'incref', 'decref', 'steal', 'store', 'return')),
    file          TEXT,
    line          INTEGER,
    col           INTEGER,
    callee        TEXT,
    arg           INTEGER,
    symbol        TEXT,
    symbol_origin TEXT,
    ref_kind      TEXT CHECK (ref_kind IN ('new', 'borrowed', 'param', 'field', 'global', 'unknown'))
);
CREATE INDEX sites_function ON sites(function_id);
-- "every release of PyList_GetItem's result"
CREATE INDEX sites_origin ON sites(symbol_origin, kind);
CREATE INDEX sites_callee ON sites(callee);
