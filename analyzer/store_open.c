/* store_open.c: opening the database (see store.h).
 *
 * A file is judged twice before anything is written to it: first from its
 * raw 100-byte header, without SQLite (so a file that is not SQLite, or
 * carries another application_id, is never even opened by SQLite: no
 * journal, no -wal, no -shm), then through SQLite, in one statement that
 * also sees changes still in another process's WAL, before any pragma that
 * writes.
 * Only a missing or empty file, or an SQLite file with no tables and no
 * application_id, gets the schema; it is created in one transaction that
 * re-checks the identity first, so two processes creating the same file at
 * once end with one schema.
 */
#include "store_internal.h"
#include "store_schema.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The pragma values, spelled in decimal for the PRAGMA statements. */
#define APP_ID_DECIMAL 1380338775
#define STR_(x) #x
#define STR(x) STR_(x)
_Static_assert(APP_ID_DECIMAL == STORE_APPLICATION_ID, "application_id spelled twice");

typedef enum identity { ID_FRESH, ID_OURS, ID_REFUSED } identity;

/* Decides what a database is from its application_id, user_version and
 * whether it has any schema; writes the refusal message. */
static identity judge(const char *path, uint32_t app, uint32_t version, bool has_tables,
                      char *err, size_t errlen) {
    if (app == 0 && version == 0 && !has_tables)
        return ID_FRESH;
    if (app == 0)
        store_set_err(err, errlen,
                      "%s: is an SQLite database of another application (it has tables but no "
                      "refflow application_id); refusing to open it",
                      path);
    else if (app != STORE_APPLICATION_ID)
        store_set_err(err, errlen,
                      "%s: is an SQLite database of another application (application_id "
                      "0x%08X, refflow's is 0x%08X); refusing to open it",
                      path, app, STORE_APPLICATION_ID);
    else if (version > STORE_SCHEMA_VERSION)
        store_set_err(err, errlen,
                      "%s: was written by a newer refflow (schema version %u, this refflow "
                      "knows up to %d); refusing to open it",
                      path, version, STORE_SCHEMA_VERSION);
    else if (version < STORE_SCHEMA_VERSION)
        store_set_err(err, errlen,
                      "%s: has schema version %u, older than this refflow's %d, and there is "
                      "no migration from it; remove the file to start a new database",
                      path, version, STORE_SCHEMA_VERSION);
    else
        return ID_OURS;
    return ID_REFUSED;
}

static uint32_t be32(const unsigned char *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Judges the file from its header alone (offsets from SQLite's file
 * format: user_version at 60, application_id at 68). ID_FRESH here means
 * only "not refused yet". */
static identity probe_header(const char *path, char *err, size_t errlen) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT)
        return ID_FRESH;
    struct stat st;
    unsigned char h[100];
    ssize_t n = -1;
    if (fd < 0 || fstat(fd, &st) != 0) {
        store_set_err(err, errlen, "%s: cannot open database: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return ID_REFUSED;
    }
    if (S_ISREG(st.st_mode) && st.st_size > 0)
        n = pread(fd, h, sizeof h, 0);
    close(fd);
    if (S_ISDIR(st.st_mode)) {
        store_set_err(err, errlen, "%s: cannot open database: it is a directory", path);
        return ID_REFUSED;
    }
    if (S_ISREG(st.st_mode) && st.st_size == 0)
        return ID_FRESH;
    if (n != (ssize_t)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
        store_set_err(err, errlen,
                      "%s: file is not a database (it is not an SQLite file); refusing to "
                      "open it",
                      path);
        return ID_REFUSED;
    }
    /* application_id 0: maybe another program's, maybe ours being created
     * by another process (in WAL mode the main file lags); SQLite decides. */
    if (be32(h + 68) == 0)
        return ID_FRESH;
    return judge(path, be32(h + 68), be32(h + 60), true, err, errlen);
}

/* Judges the open database through SQLite: one statement, so the three
 * values come from one snapshot even while another process creates the
 * schema. */
static identity read_identity(store *s, char *err, size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen,
                                "SELECT (SELECT application_id FROM pragma_application_id), "
                                "(SELECT user_version FROM pragma_user_version), "
                                "(SELECT count(*) FROM sqlite_master)",
                                "");
    int rc = st ? db_step(s, st, err, errlen) : -1;
    if (rc != 1) {
        if ((sqlite3_errcode(s->db) & 0xff) == SQLITE_NOTADB)
            store_set_err(err, errlen,
                          "%s: file is not a database (SQLite cannot read it); refusing to "
                          "open it",
                          s->path);
        else
            db_error(s, err, errlen, "reading the database header");
        return ID_REFUSED;
    }
    uint32_t app = (uint32_t)sqlite3_column_int64(st, 0);
    uint32_t version = (uint32_t)sqlite3_column_int64(st, 1);
    bool tables = sqlite3_column_int64(st, 2) > 0;
    sqlite3_reset(st);
    return judge(s->path, app, version, tables, err, errlen);
}

static bool set_wal(store *s, char *err, size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen, "PRAGMA journal_mode = WAL", "");
    int rc = st ? db_step(s, st, err, errlen) : -1;
    if (rc < 0)
        return db_error(s, err, errlen, "switching to WAL mode");
    const char *mode = rc ? (const char *)sqlite3_column_text(st, 0) : NULL;
    bool wal = mode && strcmp(mode, "wal") == 0;
    sqlite3_reset(st);
    if (!wal)
        store_set_err(err, errlen,
                      "%s: cannot use WAL journal mode here (the filesystem may not support "
                      "shared memory)",
                      s->path);
    return wal;
}

static bool create_schema(store *s, char *err, size_t errlen) {
    if (!db_begin(s, true, err, errlen))
        return false;
    identity id = read_identity(s, err, errlen);
    bool ok = id != ID_REFUSED;
    for (int i = 0; ok && id == ID_FRESH && store_schema_sql[i]; i++)
        ok = db_exec_script(s, store_schema_sql[i], err, errlen);
    if (ok && id == ID_FRESH)
        ok = db_exec_script(s,
                            "PRAGMA application_id = " STR(APP_ID_DECIMAL) ";"
                            "PRAGMA user_version = " STR(STORE_SCHEMA_VERSION),
                            err, errlen);
    if (ok)
        return db_commit(s, err, errlen);
    db_rollback(s);
    return false;
}

/* Switching to WAL needs the file to itself for a moment. SQLite answers
 * SQLITE_BUSY at once, without its busy handler, when another connection
 * is doing the same (two processes creating one database), so retry here
 * until the busy timeout. */
static bool set_wal_waiting(store *s, char *err, size_t errlen) {
    int waited = 0, nap = 5;
    for (;;) {
        if (set_wal(s, err, errlen))
            return true;
        int code = sqlite3_errcode(s->db) & 0xff;
        if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || waited >= s->busy_ms)
            return false;
        sqlite3_sleep(nap);
        waited += nap;
        nap = nap < 100 ? nap * 2 : 100;
    }
}

static bool setup(store *s, char *err, size_t errlen) {
    identity id = read_identity(s, err, errlen);
    if (id == ID_REFUSED)
        return false;
    if (!db_exec_script(s, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL", err, errlen) ||
        !set_wal_waiting(s, err, errlen))
        return false;
    return id == ID_OURS || create_schema(s, err, errlen);
}

static store *store_new(const char *path, const store_options *opt) {
    store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path)))
        abort();
    s->busy_ms = opt && opt->busy_timeout_ms > 0 ? opt->busy_timeout_ms : STORE_BUSY_TIMEOUT_MS;
    pthread_mutex_init(&s->lock, NULL);
    hash_cache_init(&s->cache);
    return s;
}

store *store_open(const char *path, const store_options *opt, char *err, size_t errlen) {
    if (probe_header(path, err, errlen) == ID_REFUSED)
        return NULL;
    store *s = store_new(path, opt);
    int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    bool ok = rc == SQLITE_OK;
    if (!ok)
        store_set_err(err, errlen, "%s: cannot open database: %s", path,
                      s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
    if (ok) {
        sqlite3_extended_result_codes(s->db, 1);
        sqlite3_busy_timeout(s->db, s->busy_ms);
        ok = sqlite3_db_readonly(s->db, "main") == 0;
        if (!ok)
            store_set_err(err, errlen, "%s: cannot open database for writing (read-only)",
                          path);
    }
    if (ok)
        ok = setup(s, err, errlen);
    if (!ok) {
        store_close(s);
        return NULL;
    }
    return s;
}

void store_close(store *s) {
    if (!s)
        return;
    db_finalize_all(s);
    sqlite3_close_v2(s->db);
    hash_cache_free(&s->cache);
    pthread_mutex_destroy(&s->lock);
    free(s->path);
    free(s);
}

const char *store_path(const store *s) {
    return s->path;
}

void store_set_before_commit(store *s, void (*fn)(store *s, void *ctx), void *ctx) {
    s->before_commit = fn;
    s->before_commit_ctx = ctx;
}
