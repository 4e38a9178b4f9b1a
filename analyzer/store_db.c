/* store_db.c: the store's few ways of talking to SQLite. Every statement is
 * a string literal prepared once per handle (SQLITE_PREPARE_PERSISTENT) and
 * cached by the literal's address; values are always bound, never printed
 * into SQL. All of it runs with s->lock held. */
#include "store_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void store_set_err(char *err, size_t errlen, const char *fmt, ...) {
    if (!err || !errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

bool db_error(store *s, char *err, size_t errlen, const char *what) {
    int code = sqlite3_errcode(s->db) & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
        store_set_err(err, errlen,
                      "%s: database is locked: another process kept it busy for longer than "
                      "%.1f s (%s); try again when it is done",
                      s->path, s->busy_ms / 1000.0, what);
    else
        store_set_err(err, errlen, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
    return false;
}

static sqlite3_stmt *cached(store *s, const char *sql, char *err, size_t errlen) {
    for (int i = 0; i < s->nstmts; i++)
        if (s->stmts[i].sql == sql)
            return s->stmts[i].st;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
        db_error(s, err, errlen, "preparing a statement");
        return NULL;
    }
    if (s->nstmts == STORE_MAX_STMTS) {
        fprintf(stderr, "refflow: internal error: store statement cache full\n");
        abort();
    }
    s->stmts[s->nstmts].sql = sql;
    s->stmts[s->nstmts++].st = st;
    return st;
}

static int bind_one(sqlite3_stmt *st, int i, char type, va_list *ap) {
    char hex[17];
    const char *t;
    switch (type) {
    case 'i':
        return sqlite3_bind_int64(st, i, va_arg(*ap, int64_t));
    case 'o': {
        int64_t v = va_arg(*ap, int64_t);
        return v >= 0 ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
    }
    case 'd':
        return sqlite3_bind_int(st, i, va_arg(*ap, int));
    case 't':
        t = va_arg(*ap, const char *);
        return t ? sqlite3_bind_text(st, i, t, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i);
    case 'h':
        store_hex(va_arg(*ap, uint64_t), hex);
        return sqlite3_bind_text(st, i, hex, 16, SQLITE_TRANSIENT);
    case 'n':
        return sqlite3_bind_null(st, i);
    }
    fprintf(stderr, "refflow: internal error: bad bind type '%c'\n", type);
    abort();
}

static sqlite3_stmt *vquery(store *s, char *err, size_t errlen, const char *sql,
                            const char *types, va_list *ap) {
    sqlite3_stmt *st = cached(s, sql, err, errlen);
    if (!st)
        return NULL;
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    for (int i = 0; types[i]; i++)
        if (bind_one(st, i + 1, types[i], ap) != SQLITE_OK) {
            db_error(s, err, errlen, "binding a value");
            return NULL;
        }
    return st;
}

sqlite3_stmt *db_query(store *s, char *err, size_t errlen, const char *sql, const char *types,
                       ...) {
    va_list ap;
    va_start(ap, types);
    sqlite3_stmt *st = vquery(s, err, errlen, sql, types, &ap);
    va_end(ap);
    return st;
}

int db_step(store *s, sqlite3_stmt *st, char *err, size_t errlen) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE) {
        sqlite3_reset(st);
        return 0;
    }
    db_error(s, err, errlen, "writing or reading");
    sqlite3_reset(st);
    return -1;
}

bool db_exec(store *s, char *err, size_t errlen, const char *sql, const char *types, ...) {
    va_list ap;
    va_start(ap, types);
    sqlite3_stmt *st = vquery(s, err, errlen, sql, types, &ap);
    va_end(ap);
    if (!st)
        return false;
    int rc;
    while ((rc = db_step(s, st, err, errlen)) == 1)
        ;
    return rc == 0;
}

/* One-off statements (not cached): the schema and pragmas. */
bool db_exec_script(store *s, const char *sql, char *err, size_t errlen) {
    while (sql && *sql) {
        sqlite3_stmt *st = NULL;
        const char *tail = NULL;
        if (sqlite3_prepare_v2(s->db, sql, -1, &st, &tail) != SQLITE_OK)
            return db_error(s, err, errlen, "running the schema");
        int rc = SQLITE_DONE;
        while (st && (rc = sqlite3_step(st)) == SQLITE_ROW)
            ;
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return db_error(s, err, errlen, "running the schema");
        sql = tail;
    }
    return true;
}

bool db_begin(store *s, bool write, char *err, size_t errlen) {
    static const char immediate[] = "BEGIN IMMEDIATE", deferred[] = "BEGIN";
    return db_exec(s, err, errlen, write ? immediate : deferred, "") ||
           db_error(s, err, errlen, write ? "starting a write" : "starting a read");
}

bool db_commit(store *s, char *err, size_t errlen) {
    if (db_exec(s, err, errlen, "COMMIT", ""))
        return true;
    db_error(s, err, errlen, "committing");
    db_rollback(s);
    return false;
}

void db_rollback(store *s) {
    if (!sqlite3_get_autocommit(s->db))
        db_exec(s, NULL, 0, "ROLLBACK", "");
}

void db_finalize_all(store *s) {
    for (int i = 0; i < s->nstmts; i++)
        sqlite3_finalize(s->stmts[i].st);
    s->nstmts = 0;
}

char *db_column_dup(sqlite3_stmt *st, int col) {
    const unsigned char *t = sqlite3_column_text(st, col);
    if (!t)
        return NULL;
    char *d = strdup((const char *)t);
    if (!d)
        abort();
    return d;
}
