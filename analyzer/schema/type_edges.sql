-- type_edges: the owned-reference fields of the object structs in types
-- (one row per field holding an object pointer), as seen by one translation
-- unit (the same header seen by two units gives two rows: use DISTINCT).
-- kind: 'type' (a pointer to a specific object struct, target_type),
-- 'any' (a pointer to the generic header, PyObject * / rf_object *: any
-- object; target_type is the header's name), 'container' (an array of
-- object pointers, or a built-in container such as PyListObject *: any
-- number of objects of any type). owned is 1 when the field holds a
-- reference of its own (a strong edge); 0 for a field annotated borrowed
-- or a weak-reference convention (why_borrowed). visited: does the type's
-- traverse visit the field (1/0), NULL when unknown (no traverse body in the
-- unit). on_cycle: the field is on a cycle through its struct (typegraph.h:
-- the cycle re-enters the struct through a field declared to hold it).
-- A base struct's fields appear in a subtype as "base.field".
CREATE TABLE type_edges (
    id           INTEGER PRIMARY KEY,
    tu_id        INTEGER NOT NULL REFERENCES tus(id) ON DELETE CASCADE,
    struct_type  TEXT NOT NULL,
    field        TEXT NOT NULL,
    target_type  TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT 'type' CHECK (kind IN ('type', 'any', 'container')),
    owned        INTEGER NOT NULL CHECK (owned IN (0, 1)),
    why_borrowed TEXT,
    visited      INTEGER CHECK (visited IN (0, 1)),
    on_cycle     INTEGER NOT NULL DEFAULT 0 CHECK (on_cycle IN (0, 1)),
    file         TEXT,
    line         INTEGER
);
CREATE INDEX type_edges_tu ON type_edges(tu_id);
CREATE INDEX type_edges_struct ON type_edges(struct_type);
CREATE INDEX type_edges_target ON type_edges(target_type);
