-- tu_includes: every file a translation unit included, directly or not, as
-- recorded at the end of its last analysis (the main file is not listed).
CREATE TABLE tu_includes (
    tu_id   INTEGER NOT NULL REFERENCES tus(id) ON DELETE CASCADE,
    file_id INTEGER NOT NULL REFERENCES files(id),
    PRIMARY KEY (tu_id, file_id)
) WITHOUT ROWID;
-- Which units include a header.
CREATE INDEX tu_includes_file ON tu_includes(file_id);
