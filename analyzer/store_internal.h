/* store_internal.h: what the store's files share (store.h is the public
 * side). Only store*.c include this and sqlite3.h.
 *
 * Files: store_open.c opens, checks the file's identity and creates the
 * schema; store_db.c holds the prepared-statement helpers, transactions and
 * error messages; store_hash.c hashes content, canonicalizes paths and keeps
 * the per-handle file-hash cache; store_tu.c collects one unit's facts and
 * writes them, with fingerprints from store_fingerprint.c; store_run.c
 * records runs and checks integrity; store_query.c answers the read side (unchanged units, loading
 * findings, summaries, runs, counts); store_graph.c the graphs' queries;
 * store_report.c reads what the HTML report shows.
 *
 * Locking: s->lock guards s->db, the statement cache and the run fields;
 * s->cache has its own lock, never held across database work, so threads
 * hash files while another writes.
 */
#ifndef REFFLOW_STORE_INTERNAL_H
#define REFFLOW_STORE_INTERNAL_H

#include <pthread.h>
#include <sqlite3.h>

#include "arena.h"
#include "store.h"
#include "store_test_hook.h"

/* --- hashing and files (store_hash.c) ----------------------------------- */

/* What is known of one file's content. */
typedef struct file_info {
    uint64_t hash;
    int64_t mtime_ns, size;
    int64_t hashed_at;     /* ns since the epoch, when the bytes were read */
    bool ok;               /* false: the file could not be read */
} file_info;

typedef struct cache_entry cache_entry;

typedef struct hash_cache {
    pthread_mutex_t lock;
    cache_entry **buckets;
    size_t nbuckets, n;
} hash_cache;

void hash_cache_init(hash_cache *c);
void hash_cache_free(hash_cache *c);

/* Nanoseconds since the epoch (CLOCK_REALTIME, comparable with mtimes). */
int64_t store_now_ns(void);
/* Is info recent enough relative to when it was hashed that its content
 * might have changed within the same timestamp tick ("racy")? */
bool store_is_racy(int64_t mtime_ns, int64_t hashed_at);
/* The content of the file at canonical path: from the cache or from
 * `stored` (a hash remembered in the files table; may be NULL) when the
 * file's mtime and size still match and are not racy, else read and hashed
 * now. Thread-safe. info->ok is false if it cannot be read.
 * batch: 0, or the number of the unchanged-check batch this call is part
 * of (store_unchanged_batch_begin): a file an earlier call of the same
 * batch found (by stat) comes from the cache without a stat. */
void store_file_info(hash_cache *c, const char *path, const file_info *stored, int64_t batch,
                     file_info *info);
/* Absolute path of path (relative ones taken from dir, or the current
 * directory when dir is NULL) with symlinks resolved when it exists;
 * malloc'd, the caller frees it. */
char *store_canon_path(const char *path, const char *dir);
/* "%016llx" of h into out. */
void store_hex(uint64_t h, char out[17]);
bool store_unhex(const char *s, uint64_t *out);

/* --- the handle --------------------------------------------------------- */

#define STORE_MAX_STMTS 96

struct store {
    sqlite3 *db;
    char *path;
    int busy_ms;
    pthread_mutex_t lock;
    struct {
        const char *sql;   /* the literal's address is the cache key */
        sqlite3_stmt *st;
    } stmts[STORE_MAX_STMTS];
    int nstmts;
    int64_t run_id;        /* current run, 0 if none */
    uint64_t config_hash;
    hash_cache cache;
    int64_t batch;         /* the unchanged-check batch open, 0 if none */
    int64_t nbatches;      /* batches begun so far */
    /* Tests only: called inside store_end_tu's transaction, after every row
     * is written and before COMMIT. */
    void (*before_commit)(store *s, void *ctx);
    void *before_commit_ctx;
};

/* --- database helpers (store_db.c); all expect s->lock held ------------- */

/* Returns the cached prepared statement for the SQL literal sql, reset and
 * with its parameters bound from types: 'i' int64_t, 'o' int64_t
 * where a negative value binds NULL, 'd' int, 't' const char *
 * (NULL binds NULL), 'h' uint64_t as 16 hex digits, 'n' NULL (no argument).
 * NULL with a message in err on failure. The statement stays owned by s. */
sqlite3_stmt *db_query(store *s, char *err, size_t errlen, const char *sql, const char *types,
                       ...);
/* db_query, then steps the statement to its end. */
bool db_exec(store *s, char *err, size_t errlen, const char *sql, const char *types, ...);
/* Steps st: SQLITE_ROW -> 1, SQLITE_DONE -> 0, an error -> -1 with err set. */
int db_step(store *s, sqlite3_stmt *st, char *err, size_t errlen);
/* Runs every statement of a text of constant SQL (the schema, pragmas). */
bool db_exec_script(store *s, const char *sql, char *err, size_t errlen);
/* BEGIN IMMEDIATE (write) or BEGIN (read); COMMIT; ROLLBACK (never fails). */
bool db_begin(store *s, bool write, char *err, size_t errlen);
bool db_commit(store *s, char *err, size_t errlen);
void db_rollback(store *s);
/* "PATH: what: <sqlite's message>", or the locked-database message when the
 * last error was SQLITE_BUSY. Returns false for the caller to pass on. */
bool db_error(store *s, char *err, size_t errlen, const char *what);
/* Finalizes every cached statement. */
void db_finalize_all(store *s);
/* A text column as a malloc'd string (NULL stays NULL). */
char *db_column_dup(sqlite3_stmt *st, int col);

void store_set_err(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* --- shared by the read and write sides (store_query.c) ----------------- */

/* The unit's key hash and its canonical parts, from key (malloc'd strings). */
typedef struct tu_ident {
    char *main_path;       /* canonical main file */
    char *directory;       /* canonical working directory */
    char *args_text;       /* arguments joined by spaces, for people */
    uint64_t key_hash;
} tu_ident;

void tu_ident_make(const store_tu_key *key, tu_ident *id);
void tu_ident_free(tu_ident *id);
/* Combines the config, key and content hashes into a unit's combined hash;
 * includes (canonical paths, sorted) with their infos. */
uint64_t store_combined_hash(uint64_t config, uint64_t key, uint64_t main_hash,
                             char *const *includes, const file_info *infos, int n);
/* The fingerprints of l's findings, by index: given[i] when it is not NULL,
 * else the store's own (16 hex digits, in a; ordinals counted among those). */
const char **store_fingerprints(arena *a, const finding_list *l, const char *const *given);
/* Appends the current findings of tu_id to out (s->lock held). */
bool store_load_findings_locked(store *s, int64_t tu_id, finding_list *out, char *err,
                                size_t errlen);

#endif
