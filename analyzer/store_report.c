/* store_report.c: the read side the HTML report needs (see store.h, "the
 * HTML report"): the runs, the current findings with their paths, the line
 * of the function each is in, and the content hash of its file at analysis
 * time (so the report can tell whether the file on disk still holds the
 * lines it shows). The types come from store_graph.c. One read transaction: a consistent
 * snapshot even while a check run writes. Everything is copied into the
 * report's arena.
 */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

static const char *col_text(arena *a, sqlite3_stmt *st, int col) {
    return arena_strdup(a, (const char *)sqlite3_column_text(st, col));
}

static int col_int(sqlite3_stmt *st, int col) {
    return (int)sqlite3_column_int64(st, col);
}

/* The single integer the query sql (no parameters) returns, or -1. */
static int64_t count_of(store *s, const char *sql, char *err, size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen, sql, "");
    if (!st || db_step(s, st, err, errlen) != 1)
        return -1;
    int64_t n = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n;
}

/* --- runs ---------------------------------------------------------------- */

static bool load_runs(store *s, store_report *r, char *err, size_t errlen) {
    int64_t n = count_of(s, "SELECT count(*) FROM runs", err, errlen);
    if (n < 0)
        return false;
    r->runs = ARENA_ARRAY(&r->mem, store_report_run, n + 1);
    sqlite3_stmt *st = db_query(s, err, errlen,
                                "SELECT id, started, finished, command, status, tus_analyzed, "
                                "tus_reused FROM runs ORDER BY id",
                                "");
    int rc = st ? 1 : -1;
    while (st && r->nruns < n && (rc = db_step(s, st, err, errlen)) == 1) {
        store_report_run *u = &r->runs[r->nruns++];
        u->id = sqlite3_column_int64(st, 0);
        u->started = col_text(&r->mem, st, 1);
        u->finished = col_text(&r->mem, st, 2);
        u->command = col_text(&r->mem, st, 3);
        u->status = col_text(&r->mem, st, 4);
        u->tus_analyzed = sqlite3_column_int64(st, 5);
        u->tus_reused = sqlite3_column_int64(st, 6);
    }
    if (st)
        sqlite3_reset(st);
    return rc >= 0;
}

/* --- findings ------------------------------------------------------------ */

static bool load_steps(store *s, arena *a, store_report_finding *f, char *err, size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen,
                                "SELECT file, line, col, text, "
                                "(SELECT count(*) FROM finding_steps WHERE finding_id = ?1) "
                                "FROM finding_steps WHERE finding_id = ?1 ORDER BY ordinal",
                                "i", f->id);
    int rc = st ? 1 : -1;
    while (st && (rc = db_step(s, st, err, errlen)) == 1) {
        if (!f->steps)
            f->steps = ARENA_ARRAY(a, store_report_step, col_int(st, 4) + 1);
        store_report_step *p = &f->steps[f->nsteps++];
        p->file = col_text(a, st, 0);
        p->line = col_int(st, 1);
        p->col = col_int(st, 2);
        p->text = col_text(a, st, 3);
    }
    return rc == 0;
}

/* For a finding outside its unit's main file (a header): the file's
 * absolute path from the unit's directory, and its hash if recorded. */
static bool resolve_header(store *s, arena *a, store_report_finding *f, const char *dir,
                           char *err, size_t errlen) {
    char *path = store_canon_path(f->file, dir);
    f->path = arena_strdup(a, path);
    free(path);
    sqlite3_stmt *st = db_query(s, err, errlen, "SELECT hash FROM files WHERE path = ?", "t",
                                f->path);
    int rc = st ? db_step(s, st, err, errlen) : -1;
    if (rc == 1) {
        f->hash = col_text(a, st, 0);
        sqlite3_reset(st);
    }
    return rc >= 0;
}

/* The columns of FINDINGS_SQL, in order. */
enum {
    C_ID, C_FIRST, C_LAST, C_TU, C_CHECK, C_SEV, C_FILE, C_LINE, C_COL, C_FN, C_SYM, C_MSG,
    C_FP, C_FN_LINE, C_MAIN_PATH, C_MAIN_HASH, C_DIR
};

#define FINDINGS_SQL                                                                          \
    "SELECT f.id, f.first_run, f.last_run, f.tu_id, f.check_id, f.severity, f.file, f.line, " \
    "f.col, f.function, f.symbol, f.message, f.fingerprint, "                                 \
    "coalesce((SELECT min(fn.line) FROM functions fn WHERE fn.tu_id = f.tu_id "               \
    "  AND fn.name = f.function AND fn.file = f.file), "                                      \
    " (SELECT min(fn.line) FROM functions fn WHERE fn.tu_id = f.tu_id "                       \
    "  AND fn.name = f.function)), "                                                          \
    "CASE WHEN f.file = t.file THEN m.path END, CASE WHEN f.file = t.file THEN m.hash END, "  \
    "t.directory "                                                                            \
    "FROM findings f JOIN tus t ON t.id = f.tu_id JOIN files m ON m.id = t.main_file_id "    \
    "WHERE f.last_run = t.last_run ORDER BY f.file, f.line, f.col, f.check_id, f.id"

static void read_finding_row(sqlite3_stmt *st, arena *a, store_report_finding *f) {
    f->id = sqlite3_column_int64(st, C_ID);
    f->first_run = sqlite3_column_int64(st, C_FIRST);
    f->last_run = sqlite3_column_int64(st, C_LAST);
    f->tu_id = sqlite3_column_int64(st, C_TU);
    f->check = col_text(a, st, C_CHECK);
    f->severity = col_text(a, st, C_SEV);
    f->file = col_text(a, st, C_FILE);
    f->line = col_int(st, C_LINE);
    f->col = col_int(st, C_COL);
    f->function = col_text(a, st, C_FN);
    f->symbol = col_text(a, st, C_SYM);
    f->message = col_text(a, st, C_MSG);
    f->fingerprint = col_text(a, st, C_FP);
    f->fn_line = col_int(st, C_FN_LINE);
    f->path = col_text(a, st, C_MAIN_PATH);
    f->hash = col_text(a, st, C_MAIN_HASH);
}

/* Reads the finding rows; the directories of units (for header findings)
 * go to dirs[i]. Steps and header paths are read afterwards, so that only
 * one statement is stepping at a time. */
static bool load_finding_rows(store *s, store_report *r, const char **dirs, int64_t n,
                              char *err, size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen, FINDINGS_SQL, "");
    int rc = st ? 1 : -1;
    while (st && r->nfindings < n && (rc = db_step(s, st, err, errlen)) == 1) {
        dirs[r->nfindings] = col_text(&r->mem, st, C_DIR);
        read_finding_row(st, &r->mem, &r->findings[r->nfindings++]);
    }
    if (st)
        sqlite3_reset(st);
    return rc >= 0;
}

static bool load_findings(store *s, store_report *r, char *err, size_t errlen) {
    int64_t n = count_of(s, "SELECT count(*) FROM current_findings", err, errlen);
    if (n < 0)
        return false;
    r->findings = ARENA_ARRAY(&r->mem, store_report_finding, n + 1);
    const char **dirs = ARENA_ARRAY(&r->mem, const char *, n + 1);
    bool ok = load_finding_rows(s, r, dirs, n, err, errlen);
    for (int i = 0; ok && i < r->nfindings; i++) {
        store_report_finding *f = &r->findings[i];
        ok = load_steps(s, &r->mem, f, err, errlen);
        if (ok && !f->path && f->file)
            ok = resolve_header(s, &r->mem, f, dirs[i], err, errlen);
    }
    return ok;
}

bool store_report_load(store *s, store_report *out, char *err, size_t errlen) {
    memset(out, 0, sizeof *out);
    arena_init(&out->mem);
    pthread_mutex_lock(&s->lock);
    bool ok = db_begin(s, false, err, errlen) && load_runs(s, out, err, errlen) &&
              load_findings(s, out, err, errlen);
    db_rollback(s);
    pthread_mutex_unlock(&s->lock);
    return ok;
}

void store_report_free(store_report *r) {
    arena_free(&r->mem);
    memset(r, 0, sizeof *r);
}
