-- tus: translation units, one per (main file, compile key). The key hash
-- covers the main file as given, the working directory and the compiler
-- arguments. combined_hash covers the run's config, the key, and the
-- content hash of the main file and of every included file (tu_includes):
-- when it matches, the unit is unchanged and its stored findings are reused.
-- It is NULL when the unit must not be reused (a file changed while it was
-- being analyzed, or an included file could not be read).
CREATE TABLE tus (
    id            INTEGER PRIMARY KEY,
    main_file_id  INTEGER NOT NULL REFERENCES files(id),
    file          TEXT NOT NULL,     -- the main file as given (as in findings)
    directory     TEXT NOT NULL,     -- working directory of the compile
    args          TEXT NOT NULL,     -- compiler arguments, space-separated, for people
    args_hash     TEXT NOT NULL,
    combined_hash TEXT,
    last_run      INTEGER REFERENCES runs(id),  -- last run that analyzed or reused it
    UNIQUE (main_file_id, args_hash)
);
