-- findings: what the checks reported, per translation unit. A finding keeps
-- its row (and first_run) across runs while its fingerprint stays the same;
-- last_run is the last run that reported it. The unit's current findings are
-- those with last_run = tus.last_run (the view current_findings); the ones
-- with an older last_run went away at the unit's last analysis (fixed), and
-- are dropped at the one after.
--
-- fingerprint: the finding's identity, unique within its unit: the one
-- refflow check computes for baselines when it gives one, else the store's
-- own: 16 hex digits, XXH64 of the check, the file as given, the function,
-- the symbol, the message with standalone numbers blanked out ("at line
-- 12" -> "at line #"), and an ordinal that tells apart findings equal in
-- all of those (in line order). Line shifts change neither.
CREATE TABLE findings (
    id          INTEGER PRIMARY KEY,
    first_run   INTEGER NOT NULL REFERENCES runs(id),
    last_run    INTEGER NOT NULL REFERENCES runs(id),
    tu_id       INTEGER NOT NULL REFERENCES tus(id) ON DELETE CASCADE,
    check_id    TEXT NOT NULL,       -- "leak", "over-release", ...
    severity    TEXT NOT NULL,       -- "warning", "error", "note"
    file        TEXT,
    line        INTEGER,
    col         INTEGER,
    function    TEXT,
    symbol      TEXT,
    message     TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    UNIQUE (tu_id, fingerprint)
);
CREATE INDEX findings_first_run ON findings(first_run);
CREATE INDEX findings_fingerprint ON findings(fingerprint);
CREATE INDEX findings_file ON findings(file, line);

CREATE VIEW current_findings AS
    SELECT findings.* FROM findings JOIN tus ON tus.id = findings.tu_id
    WHERE findings.last_run = tus.last_run;
