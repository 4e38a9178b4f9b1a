-- runs: one row per `refflow check` that used the database. A run that is
-- still going, or was killed, keeps status 'running' and finished NULL.
CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    started      TEXT NOT NULL,      -- UTC, ISO 8601: 2024-05-01T12:00:00.000Z
    finished     TEXT,
    command      TEXT NOT NULL,      -- the command line, as one string
    tool_version TEXT NOT NULL,
    config_hash  TEXT NOT NULL,      -- rules, checks and options that change findings
    status       TEXT NOT NULL DEFAULT 'running'
                 CHECK (status IN ('running', 'clean', 'findings', 'error')),
    exit_status  INTEGER,
    tus_analyzed INTEGER NOT NULL DEFAULT 0,  -- translation units parsed and analyzed
    tus_reused   INTEGER NOT NULL DEFAULT 0   -- unchanged ones whose findings were reused
);
