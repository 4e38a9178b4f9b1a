-- files: every source file a translation unit read (main files and headers),
-- by absolute path with symlinks resolved, with its content hash. mtime_ns,
-- size and hashed_at let a later run skip re-reading a file that has not
-- changed (the hash is trusted only if the file was last modified well
-- before hashed_at).
CREATE TABLE files (
    id        INTEGER PRIMARY KEY,
    path      TEXT NOT NULL UNIQUE,
    hash      TEXT NOT NULL,         -- XXH64 of the bytes, 16 hex digits
    mtime_ns  INTEGER NOT NULL,      -- nanoseconds since the epoch
    size      INTEGER NOT NULL,
    hashed_at INTEGER NOT NULL       -- when the bytes were read, ns since the epoch
);
