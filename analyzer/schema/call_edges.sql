-- call_edges: every direct call written in a function (indirect calls have
-- no callee name and are not recorded).
CREATE TABLE call_edges (
    id        INTEGER PRIMARY KEY,
    caller_id INTEGER NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
    callee    TEXT NOT NULL,
    file      TEXT,
    line      INTEGER,
    col       INTEGER
);
CREATE INDEX call_edges_caller ON call_edges(caller_id);
CREATE INDEX call_edges_callee ON call_edges(callee);
