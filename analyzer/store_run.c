/* store_run.c: runs, row counts and the integrity check (see store.h). */
#include "store_internal.h"

#include <string.h>

bool store_begin_run(store *s, const store_run_info *info, int64_t *run_id, char *err,
                     size_t errlen) {
    const char *version = info->tool_version ? info->tool_version : "";
    const char *config = info->config ? info->config : "";
    uint64_t h = store_hash64(version, strlen(version) + 1, 0);
    h = store_hash64(config, strlen(config), h);
    pthread_mutex_lock(&s->lock);
    sqlite3_stmt *st = db_query(
        s, err, errlen,
        "INSERT INTO runs (started, command, tool_version, config_hash) "
        "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?) RETURNING id",
        "tth", info->command ? info->command : "", version, h);
    bool ok = st && db_step(s, st, err, errlen) == 1;
    if (ok) {
        s->run_id = sqlite3_column_int64(st, 0);
        s->config_hash = h;
        *run_id = s->run_id;
        ok = db_step(s, st, err, errlen) == 0;
    } else if (st) {
        db_error(s, err, errlen, "recording the run");
    }
    pthread_mutex_unlock(&s->lock);
    return ok;
}

bool store_end_run(store *s, int exit_status, char *err, size_t errlen) {
    pthread_mutex_lock(&s->lock);
    bool ok = s->run_id != 0;
    if (!ok)
        store_set_err(err, errlen, "%s: no run to end (store_begin_run was not called)",
                      s->path);
    else
        ok = db_exec(s, err, errlen,
                     "UPDATE runs SET finished = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                     "exit_status = ?1, status = CASE ?1 WHEN 0 THEN 'clean' "
                     "WHEN 1 THEN 'findings' ELSE 'error' END WHERE id = ?2",
                     "di", exit_status, s->run_id) ||
             db_error(s, err, errlen, "finishing the run");
    pthread_mutex_unlock(&s->lock);
    return ok;
}

bool store_count_rows(store *s, store_counts *out, char *err, size_t errlen) {
    pthread_mutex_lock(&s->lock);
    sqlite3_stmt *st = db_query(
        s, err, errlen,
        "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM files), "
        "(SELECT count(*) FROM tus), (SELECT count(*) FROM tu_includes), "
        "(SELECT count(*) FROM functions), (SELECT count(*) FROM sites), "
        "(SELECT count(*) FROM call_edges), (SELECT count(*) FROM type_edges), "
        "(SELECT count(*) FROM findings), (SELECT count(*) FROM finding_steps), "
        "(SELECT count(*) FROM types), (SELECT count(*) FROM tu_dependencies)",
        "");
    bool ok = st && db_step(s, st, err, errlen) == 1;
    if (ok) {
        int64_t *f[] = {&out->runs,      &out->files,     &out->tus,        &out->tu_includes,
                        &out->functions, &out->sites,     &out->call_edges, &out->type_edges,
                        &out->findings,  &out->finding_steps, &out->types,
                        &out->tu_dependencies};
        for (int i = 0; i < 12; i++)
            *f[i] = sqlite3_column_int64(st, i);
        sqlite3_reset(st);
    }
    pthread_mutex_unlock(&s->lock);
    return ok;
}

/* First row of a check pragma; "ok" (integrity) or no row (foreign keys)
 * means no problem. */
static bool check_pragma(store *s, const char *sql, bool want_ok, char *err, size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen, sql, "");
    int rc = st ? db_step(s, st, err, errlen) : -1;
    if (rc < 0)
        return false;
    const char *text = rc ? (const char *)sqlite3_column_text(st, 0) : NULL;
    bool ok = want_ok ? text && strcmp(text, "ok") == 0 : rc == 0;
    if (!ok)
        store_set_err(err, errlen, "%s: %s: %s", s->path, sql, text ? text : "(no result)");
    sqlite3_reset(st);
    return ok;
}

bool store_check_integrity(store *s, char *err, size_t errlen) {
    pthread_mutex_lock(&s->lock);
    bool ok = check_pragma(s, "PRAGMA integrity_check", true, err, errlen) &&
              check_pragma(s, "PRAGMA foreign_key_check", false, err, errlen);
    pthread_mutex_unlock(&s->lock);
    return ok;
}
