-- finding_steps: the path of a finding, as the notes printed under it, in
-- order (ordinal 0 first).
CREATE TABLE finding_steps (
    finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    file       TEXT,
    line       INTEGER,
    col        INTEGER,
    text       TEXT NOT NULL,
    PRIMARY KEY (finding_id, ordinal)
) WITHOUT ROWID;
