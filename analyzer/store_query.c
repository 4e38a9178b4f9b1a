/* store_query.c: the read side of the store (see store.h): is a unit
 * unchanged, loading and reusing its findings, a run's findings, and the
 * stored summaries as rules. */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"

/* --- unit identity ------------------------------------------------------ */

static uint64_t hash_str0(const char *s, uint64_t h) {
    s = s ? s : "";
    return store_hash64(s, strlen(s) + 1, h);
}

static uint64_t hash_u64(uint64_t v, uint64_t h) {
    unsigned char b[8];
    for (int i = 0; i < 8; i++, v >>= 8)
        b[i] = (unsigned char)v;
    return store_hash64(b, sizeof b, h);
}

static char *join_args(const char *const *args, int n) {
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(args[i]) + 1;
    char *s = malloc(len), *p = s;
    if (!s)
        abort();
    *p = '\0';
    for (int i = 0; i < n; i++)
        p += sprintf(p, "%s%s", i ? " " : "", args[i]);
    return s;
}

void tu_ident_make(const store_tu_key *key, tu_ident *id) {
    id->directory = store_canon_path(key->directory ? key->directory : ".", NULL);
    id->main_path = store_canon_path(key->file, id->directory);
    id->args_text = join_args(key->args, key->nargs);
    uint64_t h = hash_str0(key->file, 0);
    h = hash_str0(id->directory, h);
    for (int i = 0; i < key->nargs; i++)
        h = hash_str0(key->args[i], h);
    id->key_hash = hash_u64((uint64_t)key->nargs, h);
}

void tu_ident_free(tu_ident *id) {
    free(id->main_path);
    free(id->directory);
    free(id->args_text);
}

uint64_t store_combined_hash(uint64_t config, uint64_t key, uint64_t main_hash,
                             char *const *includes, const file_info *infos, int n) {
    uint64_t h = hash_u64(main_hash, hash_u64(key, hash_u64(config, 0)));
    for (int i = 0; i < n; i++)
        h = hash_u64(infos[i].hash, hash_str0(includes[i], h));
    return hash_u64((uint64_t)n, h);
}

/* --- unchanged units ---------------------------------------------------- */

/* What the database remembers of a unit: its id, combined hash, and its
 * main file and includes with their stored hashes. */
typedef struct stored_tu {
    int64_t id;
    uint64_t combined;
    file_info main;
    char **paths;
    file_info *infos;
    int n, cap;
} stored_tu;

static void stored_tu_free(stored_tu *u) {
    for (int i = 0; i < u->n; i++)
        free(u->paths[i]);
    free(u->paths);
    free(u->infos);
}

/* Columns first..first+3 are hash, mtime_ns, size, hashed_at. */
static void read_file_info(sqlite3_stmt *st, int first, file_info *fi) {
    fi->ok = store_unhex((const char *)sqlite3_column_text(st, first), &fi->hash);
    fi->mtime_ns = sqlite3_column_int64(st, first + 1);
    fi->size = sqlite3_column_int64(st, first + 2);
    fi->hashed_at = sqlite3_column_int64(st, first + 3);
}

static bool read_includes(store *s, stored_tu *u, char *err, size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen,
                                "SELECT f.path, f.hash, f.mtime_ns, f.size, f.hashed_at "
                                "FROM tu_includes i JOIN files f ON f.id = i.file_id "
                                "WHERE i.tu_id = ? ORDER BY f.path",
                                "i", u->id);
    int rc;
    while (st && (rc = db_step(s, st, err, errlen)) == 1) {
        if (u->n == u->cap) {
            u->cap = u->cap ? u->cap * 2 : 64;
            u->paths = realloc(u->paths, sizeof *u->paths * (size_t)u->cap);
            u->infos = realloc(u->infos, sizeof *u->infos * (size_t)u->cap);
            if (!u->paths || !u->infos)
                abort();
        }
        u->paths[u->n] = db_column_dup(st, 0);
        read_file_info(st, 1, &u->infos[u->n++]);
    }
    return st && rc == 0;
}

/* Reads the unit's stored state; false with err empty if there is none
 * (or it is not reusable). */
static bool read_stored_tu(store *s, const tu_ident *id, stored_tu *u, char *err,
                           size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen,
                                "SELECT t.id, t.combined_hash, f.hash, f.mtime_ns, f.size, "
                                "f.hashed_at FROM tus t JOIN files f ON f.id = t.main_file_id "
                                "WHERE f.path = ? AND t.args_hash = ?",
                                "th", id->main_path, id->key_hash);
    int rc = st ? db_step(s, st, err, errlen) : -1;
    if (rc <= 0)
        return false;
    u->id = sqlite3_column_int64(st, 0);
    bool reusable = store_unhex((const char *)sqlite3_column_text(st, 1), &u->combined);
    read_file_info(st, 2, &u->main);
    sqlite3_reset(st);
    return reusable && read_includes(s, u, err, errlen);
}

bool store_tu_unchanged(store *s, const store_tu_key *key, int64_t *tu_id, char *err,
                        size_t errlen) {
    tu_ident id;
    stored_tu u = {0};
    if (err && errlen)
        err[0] = '\0';
    tu_ident_make(key, &id);
    pthread_mutex_lock(&s->lock);
    uint64_t config = s->config_hash;
    int64_t batch = s->batch;
    if (!s->run_id)
        store_set_err(err, errlen, "%s: no run begun (store_begin_run)", s->path);
    bool found = s->run_id && db_begin(s, false, err, errlen);
    found = found && read_stored_tu(s, &id, &u, err, errlen);
    db_rollback(s);
    pthread_mutex_unlock(&s->lock);
    file_info main;
    bool same = found;
    if (same) {
        store_file_info(&s->cache, id.main_path, &u.main, batch, &main);
        same = main.ok;
    }
    for (int i = 0; same && i < u.n; i++) {
        file_info now;
        store_file_info(&s->cache, u.paths[i], &u.infos[i], batch, &now);
        same = now.ok;
        u.infos[i] = now;
    }
    same = same && store_combined_hash(config, id.key_hash, main.hash, u.paths, u.infos, u.n) ==
                       u.combined;
    if (same)
        *tu_id = u.id;
    stored_tu_free(&u);
    tu_ident_free(&id);
    return same;
}

void store_unchanged_batch_begin(store *s) {
    pthread_mutex_lock(&s->lock);
    s->batch = ++s->nbatches;
    pthread_mutex_unlock(&s->lock);
}

void store_unchanged_batch_end(store *s) {
    pthread_mutex_lock(&s->lock);
    s->batch = 0;
    pthread_mutex_unlock(&s->lock);
}

/* --- loading findings --------------------------------------------------- */

/* The columns every findings query selects, in this order. */
#define FINDING_COLUMNS \
    "f.id, f.check_id, f.severity, f.file, f.line, f.col, f.function, f.symbol, f.message"

static const char *text_in(arena *a, sqlite3_stmt *st, int col) {
    return arena_strdup(a, (const char *)sqlite3_column_text(st, col));
}

static bool load_steps(store *s, int64_t fid, arena *a, finding *f, char *err, size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen,
                                "SELECT file, line, col, text FROM finding_steps "
                                "WHERE finding_id = ? ORDER BY ordinal",
                                "i", fid);
    int rc, cap = 0;
    while (st && (rc = db_step(s, st, err, errlen)) == 1) {
        if (f->nnotes == cap) {
            finding_note *old = f->notes;
            cap = cap ? cap * 2 : 8;
            f->notes = ARENA_ARRAY(a, finding_note, cap);
            if (old)
                memcpy(f->notes, old, sizeof *old * (size_t)f->nnotes);
        }
        finding_note *n = &f->notes[f->nnotes++];
        n->loc = (ir_loc){text_in(a, st, 0), (uint32_t)sqlite3_column_int64(st, 1),
                          (uint32_t)sqlite3_column_int64(st, 2)};
        n->text = (char *)text_in(a, st, 3);
    }
    return st && rc == 0;
}

/* One row of FINDING_COLUMNS into f (strings in a). */
static bool read_finding(store *s, sqlite3_stmt *st, arena *a, finding *f, char *err,
                         size_t errlen) {
    const char *check = (const char *)sqlite3_column_text(st, 1);
    const check_info *ci = check ? checks_find(check) : NULL;
    if (!ci) {
        store_set_err(err, errlen,
                      "%s: a stored finding has check '%s', unknown to this refflow", s->path,
                      check ? check : "");
        return false;
    }
    memset(f, 0, sizeof *f);
    f->check = ci->id;
    snprintf(f->severity, sizeof f->severity, "%s", (const char *)sqlite3_column_text(st, 2));
    f->loc = (ir_loc){text_in(a, st, 3), (uint32_t)sqlite3_column_int64(st, 4),
                      (uint32_t)sqlite3_column_int64(st, 5)};
    f->function = (char *)text_in(a, st, 6);
    f->symbol = (char *)text_in(a, st, 7);
    f->message = (char *)text_in(a, st, 8);
    return true;
}

/* Appends every row of st (FINDING_COLUMNS) with its steps to out. */
static bool load_rows(store *s, sqlite3_stmt *st, finding_list *out, char *err, size_t errlen) {
    arena a;
    arena_init(&a);
    int rc = st ? 1 : -1;
    finding_list got;
    finding_list_init(&got);
    while (st && (rc = db_step(s, st, err, errlen)) == 1) {
        finding f;
        if (!read_finding(s, st, &a, &f, err, errlen) ||
            !load_steps(s, sqlite3_column_int64(st, 0), &a, &f, err, errlen)) {
            sqlite3_reset(st);
            rc = -1;
            break;
        }
        finding_list_add(&got, &f);
    }
    arena_free(&a);
    if (rc == 0)
        finding_list_merge(out, &got);
    finding_list_free(&got);
    return rc == 0;
}

bool store_load_findings_locked(store *s, int64_t tu_id, finding_list *out, char *err,
                                size_t errlen) {
    return load_rows(s,
                     db_query(s, err, errlen,
                              "SELECT " FINDING_COLUMNS " FROM findings f "
                              "JOIN tus t ON t.id = f.tu_id "
                              "WHERE f.tu_id = ? AND f.last_run = t.last_run ORDER BY f.id",
                              "i", tu_id),
                     out, err, errlen);
}

bool store_load_findings(store *s, int64_t tu_id, finding_list *out, char *err, size_t errlen) {
    pthread_mutex_lock(&s->lock);
    bool ok = db_begin(s, false, err, errlen) &&
              store_load_findings_locked(s, tu_id, out, err, errlen);
    db_rollback(s);
    pthread_mutex_unlock(&s->lock);
    return ok;
}

/* Same shape as store_tu.c's write_findings: what was already gone at the
 * previous analysis is dropped, what is still there moves to this run. */
static bool mark_reused(store *s, int64_t tu_id, char *err, size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen, "SELECT last_run FROM tus WHERE id = ?", "i",
                                tu_id);
    int rc = st ? db_step(s, st, err, errlen) : -1;
    if (rc == 0)
        store_set_err(err, errlen, "%s: no translation unit %lld", s->path, (long long)tu_id);
    if (rc != 1)
        return false;
    int64_t prev = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return db_exec(s, err, errlen, "DELETE FROM findings WHERE tu_id = ? AND last_run < ?",
                   "ii", tu_id, prev) &&
           db_exec(s, err, errlen,
                   "UPDATE findings SET last_run = ? WHERE tu_id = ? AND last_run = ?", "iii",
                   s->run_id, tu_id, prev) &&
           db_exec(s, err, errlen, "UPDATE tus SET last_run = ? WHERE id = ?", "ii", s->run_id,
                   tu_id) &&
           db_exec(s, err, errlen, "UPDATE runs SET tus_reused = tus_reused + 1 WHERE id = ?",
                   "i", s->run_id);
}

bool store_reuse_tu(store *s, int64_t tu_id, finding_list *out, char *err, size_t errlen) {
    finding_list got;
    finding_list_init(&got);
    pthread_mutex_lock(&s->lock);
    bool ok = s->run_id != 0;
    if (!ok)
        store_set_err(err, errlen, "%s: no run begun (store_begin_run)", s->path);
    ok = ok && db_begin(s, true, err, errlen) && mark_reused(s, tu_id, err, errlen) &&
         store_load_findings_locked(s, tu_id, &got, err, errlen) && db_commit(s, err, errlen);
    if (!ok)
        db_rollback(s);
    pthread_mutex_unlock(&s->lock);
    if (ok)
        finding_list_merge(out, &got);
    finding_list_free(&got);
    return ok;
}

bool store_load_run_findings(store *s, int64_t run_id, bool only_new, finding_list *out,
                             char *err, size_t errlen) {
    pthread_mutex_lock(&s->lock);
    bool ok = db_begin(s, false, err, errlen) &&
              load_rows(s,
                        db_query(s, err, errlen,
                                 "SELECT " FINDING_COLUMNS " FROM findings f "
                                 "WHERE f.last_run = ?1 AND (?2 = 0 OR f.first_run = ?1) "
                                 "ORDER BY f.id",
                                 "id", run_id, only_new ? 1 : 0),
                        out, err, errlen);
    db_rollback(s);
    pthread_mutex_unlock(&s->lock);
    return ok;
}

/* --- summaries as rules ------------------------------------------------- */

/* The origin a summary had when it was learned (rules.h). */
static const char *summary_origin(const char *from) {
    return strcmp(from, "inference") == 0    ? RULES_FROM_INFERRED
           : strcmp(from, "annotation") == 0 ? RULES_FROM_ANNOTATION
                                             : RULES_FROM_CONVENTION;
}

/* Adds one summary row as a rule line "fn NAME RET PARAMS" whose origin is
 * the one it had when learned (RULES_FROM_*), at line ROWID. */
static bool add_summary(store *s, rule_set *rs, sqlite3_stmt *st, char *err, size_t errlen) {
    const char *name = (const char *)sqlite3_column_text(st, 1);
    const char *ret = (const char *)sqlite3_column_text(st, 2);
    const char *params = (const char *)sqlite3_column_text(st, 3);
    const char *from = summary_origin((const char *)sqlite3_column_text(st, 4));
    size_t len = strlen(name) + strlen(ret) + (params ? strlen(params) : 0) + 8;
    char *line = malloc(len);
    if (!line)
        abort();
    snprintf(line, len, "fn %s %s %s", name, ret, params ? params : "");
    bool ok = rules_parse_at(rs, from, (int)sqlite3_column_int64(st, 0), line, err, errlen);
    free(line);
    return ok;
}

/* The summaries store_load_summaries takes, of every unit or of one (two
 * statements: "tu_id = ?" must stand alone for SQLite to use the
 * functions_tu index; "?1 <= 0 OR tu_id = ?1" scanned the whole table once
 * per reused unit, a quarter of an unchanged re-run of CPython). */
#define SUMMARY_ROWS                                                                          \
    "SELECT id, name, returns, params, summary_from FROM functions "                          \
    "WHERE returns IS NOT NULL AND summary_from IN ('annotation', 'inference', 'convention') " \
    "AND linkage = 'extern' "

static sqlite3_stmt *summary_rows(store *s, int64_t tu_id, char *err, size_t errlen) {
    if (tu_id <= 0)
        return db_query(s, err, errlen, SUMMARY_ROWS "ORDER BY id DESC", "");
    return db_query(s, err, errlen, SUMMARY_ROWS "AND tu_id = ? ORDER BY id DESC", "i", tu_id);
}

int store_load_summaries(store *s, int64_t tu_id, rule_set *rs, char *err, size_t errlen) {
    int added = 0, rc = -1;
    pthread_mutex_lock(&s->lock);
    sqlite3_stmt *st = db_begin(s, false, err, errlen) ? summary_rows(s, tu_id, err, errlen)
                                                       : NULL;
    while (st && (rc = db_step(s, st, err, errlen)) == 1) {
        if (rules_lookup(rs, (const char *)sqlite3_column_text(st, 1)))
            continue;
        if (!add_summary(s, rs, st, err, errlen)) {
            sqlite3_reset(st);
            rc = -1;
            break;
        }
        added++;
    }
    db_rollback(s);
    pthread_mutex_unlock(&s->lock);
    return rc == 0 ? added : -1;
}

bool store_load_dependencies(store *s, int64_t tu_id, store_dep_cb cb, void *ctx, char *err,
                             size_t errlen) {
    int rc = -1;
    pthread_mutex_lock(&s->lock);
    sqlite3_stmt *st = db_begin(s, false, err, errlen)
                           ? db_query(s, err, errlen,
                                      "SELECT name, summary FROM tu_dependencies "
                                      "WHERE tu_id = ? ORDER BY name",
                                      "i", tu_id)
                           : NULL;
    while (st && (rc = db_step(s, st, err, errlen)) == 1)
        cb(ctx, (const char *)sqlite3_column_text(st, 0),
           (const char *)sqlite3_column_text(st, 1));
    db_rollback(s);
    pthread_mutex_unlock(&s->lock);
    return rc == 0;
}
