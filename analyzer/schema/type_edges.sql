-- type_edges: struct fields that point to reference-counted objects, as seen
-- by one translation unit (the same header seen by two units gives two rows:
-- use DISTINCT). owned is 1 when the field holds a reference of its own (a
-- strong edge: cycles through such fields need the collector).
CREATE TABLE type_edges (
    id          INTEGER PRIMARY KEY,
    tu_id       INTEGER NOT NULL REFERENCES tus(id) ON DELETE CASCADE,
    struct_type TEXT NOT NULL,
    field       TEXT NOT NULL,
    target_type TEXT NOT NULL,
    owned       INTEGER NOT NULL CHECK (owned IN (0, 1)),
    file        TEXT,
    line        INTEGER
);
CREATE INDEX type_edges_tu ON type_edges(tu_id);
CREATE INDEX type_edges_struct ON type_edges(struct_type);
CREATE INDEX type_edges_target ON type_edges(target_type);
