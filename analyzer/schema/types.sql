-- types: the reference-counted object structs of a translation unit (the
-- nodes of the type reference graph; typegraph.h), with what the tracing
-- collector knows of them. Only the types the unit itself defines (in its
-- main file) or describes (its type object is in the main file) are rows;
-- header types they point to appear only as type_edges.target_type.
-- flavor: 'rf' (rf_object header, rf_type), 'cpython' (PyObject header,
-- PyTypeObject / PyType_Spec), 'rule' (another header named by a rule:
-- GObject, kref; no tracing collector). traced is 1 when the collector can
-- traverse it: rf: its rf_type has a traverse; cpython: Py_TPFLAGS_HAVE_GC
-- and a tp_traverse (or a tp_base it inherits both from). traced is 0 also
-- when no type object was found in the unit (type_object NULL): why_untraced
-- says which. on_cycle is 1 when one of its owned fields is on a cycle of
-- the graph through it (type_edges.on_cycle).
CREATE TABLE types (
    id           INTEGER PRIMARY KEY,
    tu_id        INTEGER NOT NULL REFERENCES tus(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    file         TEXT,
    line         INTEGER,
    flavor       TEXT NOT NULL CHECK (flavor IN ('rf', 'cpython', 'rule')),
    type_object  TEXT,             -- the rf_type / PyTypeObject / PyType_Spec variable
    gc_tracked   INTEGER NOT NULL CHECK (gc_tracked IN (0, 1)),
    has_traverse INTEGER NOT NULL CHECK (has_traverse IN (0, 1)),
    traverse     TEXT,             -- the traverse function's name
    traced       INTEGER NOT NULL CHECK (traced IN (0, 1)),
    why_untraced TEXT,             -- NULL when traced
    on_cycle     INTEGER NOT NULL CHECK (on_cycle IN (0, 1))
);
CREATE INDEX types_tu ON types(tu_id);
CREATE INDEX types_name ON types(name);
