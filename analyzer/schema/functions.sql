-- functions: every function defined in a translation unit's main file, with
-- its ownership summary in the rule syntax (rules/README.md): returns is a
-- rule_ret token, params the argument tokens separated by spaces (plus a
-- trailing varargs token); both NULL when no summary is known. summary_from
-- says where the summary came from. The summary is what callers use (in
-- this unit and, for an extern function, in every other): for an extern
-- function without rule or annotation it is inferred from its body, while
-- the body itself is checked against the convention. linkage: 'static'
-- (internal, only this unit's calls use it) or 'extern'.
CREATE TABLE functions (
    id           INTEGER PRIMARY KEY,
    tu_id        INTEGER NOT NULL REFERENCES tus(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    file         TEXT,
    line         INTEGER,
    col          INTEGER,
    returns      TEXT CHECK (returns IN ('value', 'new', 'new?', 'borrowed', 'borrowed?',
                                         'status', 'truth', 'noreturn', 'null', 'unknown')),
    params       TEXT,
    summary_from TEXT NOT NULL
                 CHECK (summary_from IN ('rule', 'annotation', 'inference', 'convention', 'none')),
    linkage      TEXT NOT NULL DEFAULT 'extern' CHECK (linkage IN ('static', 'extern'))
);
CREATE INDEX functions_tu ON functions(tu_id);
CREATE INDEX functions_name ON functions(name);
