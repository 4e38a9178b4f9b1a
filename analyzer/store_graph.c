/* store_graph.c: the read-only queries behind the graphs (store.h,
 * "graphs"): functions, their sites and findings, call edges, types and
 * type edges, each as an array of rows in the caller's arena. Each call
 * reads in one transaction, so it sees one state of the database.
 *
 * Assumes: the types table, type_edges.kind and the on_cycle columns may be
 * missing (databases written before the cycle checks); the types are then
 * those named by type_edges, marked unknown, and on_cycle reads -1. */
#include "store_internal.h"

#include <string.h>

/* An array of rows in an arena that doubles when full (the old block stays
 * in the arena until it is dropped). */
typedef struct rows {
    arena *a;
    void *items;
    int n, cap;
    size_t size;
} rows;

static void *rows_add(rows *r) {
    if (r->n == r->cap) {
        void *old = r->items;
        r->cap = r->cap ? r->cap * 2 : 16;
        r->items = arena_alloc(r->a, r->size * (size_t)r->cap);
        if (old)
            memcpy(r->items, old, r->size * (size_t)r->n);
    }
    return (char *)r->items + r->size * (size_t)r->n++;
}

static const char *col_text(arena *a, sqlite3_stmt *st, int col) {
    return arena_strdup(a, (const char *)sqlite3_column_text(st, col));
}

static int col_int(sqlite3_stmt *st, int col) {
    return (int)sqlite3_column_int64(st, col);
}

typedef void (*row_reader)(sqlite3_stmt *st, arena *a, void *row);

/* Steps st to its end, reading each row into a new element of r. */
static bool read_all(store *s, sqlite3_stmt *st, rows *r, row_reader read, char *err,
                     size_t errlen) {
    int rc = st ? 1 : -1;
    while (st && (rc = db_step(s, st, err, errlen)) == 1)
        read(st, r->a, rows_add(r));
    return rc == 0;
}

/* One read: its rows and the query's arguments. */
typedef struct query {
    rows r;
    int64_t id;
    const char *text;
} query;

typedef bool (*query_fn)(store *s, query *q, char *err, size_t errlen);

/* Runs fn in a read transaction with the lock held; *out and *n get the
 * rows (of size bytes each, in a). */
static bool locked_read(store *s, arena *a, size_t size, query_fn fn, int64_t id,
                        const char *text, void *out, int *n, char *err, size_t errlen) {
    query q = {.r = {.a = a, .size = size}, .id = id, .text = text};
    pthread_mutex_lock(&s->lock);
    bool ok = db_begin(s, false, err, errlen) && fn(s, &q, err, errlen);
    db_rollback(s);
    pthread_mutex_unlock(&s->lock);
    *(void **)out = q.r.items;
    *n = q.r.n;
    return ok;
}

/* --- functions ---------------------------------------------------------- */

static void read_fn(sqlite3_stmt *st, arena *a, void *row) {
    store_fn_row *f = row;
    f->id = sqlite3_column_int64(st, 0);
    f->tu_id = sqlite3_column_int64(st, 1);
    f->name = col_text(a, st, 2);
    f->file = col_text(a, st, 3);
    f->line = col_int(st, 4);
    f->returns = col_text(a, st, 5);
    f->params = col_text(a, st, 6);
    f->summary_from = col_text(a, st, 7);
}

static bool query_functions(store *s, query *q, char *err, size_t errlen) {
    return read_all(s,
                    db_query(s, err, errlen,
                             "SELECT id, tu_id, name, file, line, returns, params, "
                             "summary_from FROM functions WHERE ?1 IS NULL OR name = ?1 "
                             "ORDER BY file, line, id",
                             "t", q->text),
                    &q->r, read_fn, err, errlen);
}

bool store_graph_functions(store *s, arena *a, const char *name, store_fn_row **out, int *n,
                           char *err, size_t errlen) {
    return locked_read(s, a, sizeof **out, query_functions, 0, name, out, n, err, errlen);
}

/* --- sites -------------------------------------------------------------- */

static void read_site(sqlite3_stmt *st, arena *a, void *row) {
    store_site_row *x = row;
    x->kind = col_text(a, st, 0);
    x->file = col_text(a, st, 1);
    x->line = col_int(st, 2);
    x->col = col_int(st, 3);
    x->callee = col_text(a, st, 4);
    x->arg = sqlite3_column_type(st, 5) == SQLITE_NULL ? -1 : col_int(st, 5);
    x->symbol = col_text(a, st, 6);
    x->symbol_origin = col_text(a, st, 7);
    x->ref_kind = col_text(a, st, 8);
}

static bool query_sites(store *s, query *q, char *err, size_t errlen) {
    return read_all(s,
                    db_query(s, err, errlen,
                             "SELECT kind, file, line, col, callee, arg, symbol, "
                             "symbol_origin, ref_kind FROM sites WHERE function_id = ? "
                             "ORDER BY line, col, id",
                             "i", q->id),
                    &q->r, read_site, err, errlen);
}

bool store_graph_sites(store *s, arena *a, int64_t function_id, store_site_row **out, int *n,
                       char *err, size_t errlen) {
    return locked_read(s, a, sizeof **out, query_sites, function_id, NULL, out, n, err, errlen);
}

/* --- findings ----------------------------------------------------------- */

static void read_finding(sqlite3_stmt *st, arena *a, void *row) {
    store_finding_row *f = row;
    f->id = sqlite3_column_int64(st, 0);
    f->check_id = col_text(a, st, 1);
    f->severity = col_text(a, st, 2);
    f->file = col_text(a, st, 3);
    f->line = col_int(st, 4);
    f->col = col_int(st, 5);
    f->function = col_text(a, st, 6);
    f->symbol = col_text(a, st, 7);
    f->message = col_text(a, st, 8);
}

static void read_step(sqlite3_stmt *st, arena *a, void *row) {
    store_step_row *x = row;
    x->file = col_text(a, st, 0);
    x->line = col_int(st, 1);
    x->col = col_int(st, 2);
    x->text = col_text(a, st, 3);
}

static bool read_steps(store *s, arena *a, store_finding_row *f, char *err, size_t errlen) {
    rows r = {.a = a, .size = sizeof(store_step_row)};
    bool ok = read_all(s,
                       db_query(s, err, errlen,
                                "SELECT file, line, col, text FROM finding_steps "
                                "WHERE finding_id = ? ORDER BY ordinal",
                                "i", f->id),
                       &r, read_step, err, errlen);
    f->steps = r.items;
    f->nsteps = r.n;
    return ok;
}

static bool query_findings(store *s, query *q, char *err, size_t errlen) {
    rows *r = &q->r;
    bool ok = read_all(s,
                       db_query(s, err, errlen,
                                "SELECT f.id, f.check_id, f.severity, f.file, f.line, f.col, "
                                "f.function, f.symbol, f.message FROM findings f "
                                "JOIN tus t ON t.id = f.tu_id "
                                "WHERE f.tu_id = ? AND f.function = ? AND f.last_run = t.last_run "
                                "ORDER BY f.line, f.col, f.id",
                                "it", q->id, q->text),
                       r, read_finding, err, errlen);
    for (int i = 0; ok && i < r->n; i++)
        ok = read_steps(s, r->a, (store_finding_row *)r->items + i, err, errlen);
    return ok;
}

bool store_graph_findings(store *s, arena *a, int64_t tu_id, const char *function,
                          store_finding_row **out, int *n, char *err, size_t errlen) {
    return locked_read(s, a, sizeof **out, query_findings, tu_id, function, out, n, err, errlen);
}

/* --- calls -------------------------------------------------------------- */

static void read_call(sqlite3_stmt *st, arena *a, void *row) {
    store_call_row *c = row;
    c->caller_id = sqlite3_column_int64(st, 0);
    c->callee = col_text(a, st, 1);
    c->file = col_text(a, st, 2);
    c->line = col_int(st, 3);
}

static bool query_calls(store *s, query *q, char *err, size_t errlen) {
    return read_all(s,
                    db_query(s, err, errlen,
                             "SELECT caller_id, callee, file, line FROM call_edges "
                             "ORDER BY caller_id, line, col, id",
                             ""),
                    &q->r, read_call, err, errlen);
}

bool store_graph_calls(store *s, arena *a, store_call_row **out, int *n, char *err,
                       size_t errlen) {
    return locked_read(s, a, sizeof **out, query_calls, 0, NULL, out, n, err, errlen);
}

/* --- types -------------------------------------------------------------- */

static void read_type(sqlite3_stmt *st, arena *a, void *row) {
    store_type_row *t = row;
    t->name = col_text(a, st, 0);
    t->file = col_text(a, st, 1);
    t->line = col_int(st, 2);
    t->flavor = col_text(a, st, 3);
    t->known = col_int(st, 4) != 0;
    t->gc_tracked = col_int(st, 5) != 0;
    t->has_traverse = col_int(st, 6) != 0;
    t->traced = col_int(st, 7) != 0;
    t->why_untraced = col_text(a, st, 8);
    t->on_cycle = col_int(st, 9);
}

/* Does the table have the column? (false when the table is missing) */
static bool have_column(store *s, const char *table, const char *column, bool *have, char *err,
                        size_t errlen) {
    sqlite3_stmt *st = db_query(s, err, errlen,
                                "SELECT 1 FROM pragma_table_info(?) WHERE name = ?", "tt", table,
                                column);
    int rc = st ? db_step(s, st, err, errlen) : -1;
    *have = rc == 1;
    if (rc == 1)
        sqlite3_reset(st);
    return rc >= 0;
}

static bool query_types(store *s, query *q, char *err, size_t errlen) {
    rows *r = &q->r;
    bool have, cycles;
    if (!have_column(s, "types", "name", &have, err, errlen) ||
        !have_column(s, "types", "on_cycle", &cycles, err, errlen))
        return false;
    if (!have)
        return read_all(s,
                        db_query(s, err, errlen,
                                 "SELECT name, NULL, 0, NULL, 0, 0, 0, 0, NULL, -1 FROM "
                                 "(SELECT struct_type AS name FROM type_edges UNION "
                                 "SELECT target_type FROM type_edges) ORDER BY name",
                                 ""),
                        r, read_type, err, errlen);
    if (!cycles)
        return read_all(s,
                        db_query(s, err, errlen,
                                 "SELECT name, MIN(file), MIN(line), MIN(flavor), 1, "
                                 "MAX(gc_tracked), MAX(has_traverse), MAX(traced), "
                                 "MIN(why_untraced), -1 FROM types GROUP BY name ORDER BY name",
                                 ""),
                        r, read_type, err, errlen);
    return read_all(s,
                    db_query(s, err, errlen,
                             "SELECT name, MIN(file), MIN(line), MIN(flavor), 1, "
                             "MAX(gc_tracked), MAX(has_traverse), MAX(traced), "
                             "MIN(why_untraced), MAX(on_cycle) FROM types GROUP BY name "
                             "ORDER BY name",
                             ""),
                    r, read_type, err, errlen);
}

bool store_graph_types(store *s, arena *a, store_type_row **out, int *n, char *err,
                       size_t errlen) {
    return locked_read(s, a, sizeof **out, query_types, 0, NULL, out, n, err, errlen);
}

static void read_type_edge(sqlite3_stmt *st, arena *a, void *row) {
    store_type_edge_row *e = row;
    e->struct_type = col_text(a, st, 0);
    e->field = col_text(a, st, 1);
    e->target_type = col_text(a, st, 2);
    e->owned = col_int(st, 3) != 0;
    e->file = col_text(a, st, 4);
    e->line = col_int(st, 5);
    e->kind = col_text(a, st, 6);
    e->on_cycle = col_int(st, 7);
}

static bool query_type_edges(store *s, query *q, char *err, size_t errlen) {
    rows *r = &q->r;
    bool cycles;
    if (!have_column(s, "type_edges", "on_cycle", &cycles, err, errlen))
        return false;
    if (!cycles)
        return read_all(s,
                        db_query(s, err, errlen,
                                 "SELECT struct_type, field, target_type, MAX(owned), "
                                 "MIN(file), MIN(line), NULL, -1 FROM type_edges "
                                 "GROUP BY struct_type, field, target_type "
                                 "ORDER BY struct_type, field, target_type",
                                 ""),
                        r, read_type_edge, err, errlen);
    return read_all(s,
                    db_query(s, err, errlen,
                             "SELECT struct_type, field, target_type, MAX(owned), "
                             "MIN(file), MIN(line), MIN(kind), MAX(on_cycle) FROM type_edges "
                             "GROUP BY struct_type, field, target_type "
                             "ORDER BY struct_type, field, target_type",
                             ""),
                    r, read_type_edge, err, errlen);
}

bool store_graph_type_edges(store *s, arena *a, store_type_edge_row **out, int *n, char *err,
                            size_t errlen) {
    return locked_read(s, a, sizeof **out, query_type_edges, 0, NULL, out, n, err, errlen);
}
