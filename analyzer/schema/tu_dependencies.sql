-- tu_dependencies: the summaries of functions defined in other units that a
-- translation unit's last analysis used (one row per function name it
-- called), as the rule line it used ("fn NAME RET ARGS..."), or NULL when
-- no analyzed unit defined the name (the call was unknown). A unit whose
-- files are unchanged is reused only while every one of these still reads
-- the same in the current run: a helper's new contract in another file
-- re-analyzes the units that call it, and only those.
CREATE TABLE tu_dependencies (
    tu_id   INTEGER NOT NULL REFERENCES tus(id) ON DELETE CASCADE,
    name    TEXT NOT NULL,
    summary TEXT,
    PRIMARY KEY (tu_id, name)
) WITHOUT ROWID;
-- Which units call a function.
CREATE INDEX tu_dependencies_name ON tu_dependencies(name);
