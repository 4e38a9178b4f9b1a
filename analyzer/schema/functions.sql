-- functions: every function defined in a translation unit's main file, with
-- its ownership summary in the rule syntax (rules/README.md): returns is a
-- rule_ret token, params the argument tokens separated by spaces (plus a
-- trailing varargs token); both NULL when no summary is known. summary_from
-- says where the summary came from.
CREATE TABLE functions (
    id           INTEGER PRIMARY KEY,
    tu_id        INTEGER NOT NULL REFERENCES tus(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    file         TEXT,
    line         INTEGER,
    col          INTEGER,
    returns      TEXT CHECK (returns IN ('value', 'new', 'new?', 'borrowed', 'borrowed?',
                                         'status', 'truth', 'noreturn')),
    params       TEXT,
    summary_from TEXT NOT NULL
                 CHECK (summary_from IN ('rule', 'annotation', 'inference', 'convention', 'none'))
);
CREATE INDEX functions_tu ON functions(tu_id);
CREATE INDEX functions_name ON functions(name);
