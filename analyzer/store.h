/* store.h: refflow's SQLite database (DESIGN.md, "The database").
 *
 * One file holds: the runs; every source file read, with its content hash;
 * the translation units, each with the include list and the combined hash it
 * was last analyzed with; and per unit, the functions defined in it with
 * their ownership summaries, the sites where they gain, give away or release
 * references, their call edges, the object types with their struct-field
 * reference edges (the type reference graph), and the findings with their
 * paths. The schema is in analyzer/schema/ (NAME.sql), one file
 * per table, documented in analyzer/schema/README.md; users query it with
 * sqlite3. Only the store (store*.c) includes sqlite3.h.
 *
 * Invariants:
 *  - The database is refflow's: application_id STORE_APPLICATION_ID and
 *    user_version STORE_SCHEMA_VERSION. store_open refuses a file that is
 *    not SQLite, an SQLite database of another application, or one with a
 *    newer or older schema, with a message naming the path, and never
 *    writes to such a file.
 *  - Everything about one translation unit is written by store_end_tu in one
 *    transaction that replaces the unit's previous rows. Until then nothing
 *    about it is in the database; a process killed at any moment leaves the
 *    unit as its last completed analysis left it.
 *  - A unit is "unchanged" (store_tu_unchanged) only if its combined hash
 *    matches: the hash of the run's config, the unit's key (main file as
 *    given, working directory, compiler arguments), and the content of the
 *    main file and of every file recorded as included at its last analysis.
 *    A unit whose files changed while it was analyzed, or whose includes
 *    could not be read, is stored as never unchanged.
 *  - A finding keeps its row and first run while its fingerprint (the
 *    caller's, or store_fingerprint) stays the same from one analysis of
 *    its unit to the next.
 *
 * Ownership: store_open returns a handle the caller owns (store_close).
 * store_begin_tu returns a store_tu the caller owns until store_end_tu or
 * store_abandon_tu, each of which frees it. Every store_put_* copies what it
 * is given; nothing the caller passes is kept. Loaded findings are deep
 * copies appended to the caller's finding_list.
 *
 * Threads: one handle per process, shared by all worker threads. Each call
 * takes the handle's mutex for its database work; files are read and hashed
 * outside it. A store_tu belongs to the thread that began it. Several
 * processes (or handles) may use one database at once: it is in WAL mode,
 * readers never wait, and a writer waits up to the busy timeout for
 * another's transaction, then fails with a message saying so.
 *
 * Errors: a fallible call returns false (or NULL) and writes "PATH: reason"
 * into err (size errlen); the handle stays usable and any transaction it
 * had begun is rolled back. Out of memory aborts, as in arena.h.
 */
#ifndef REFFLOW_STORE_H
#define REFFLOW_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "finding.h"
#include "ir.h"
#include "rules.h"

#define STORE_APPLICATION_ID 0x52464C57 /* "RFLW" */
#define STORE_SCHEMA_VERSION 3
#define STORE_BUSY_TIMEOUT_MS 10000

typedef struct store store;
typedef struct store_tu store_tu;

/* --- opening ------------------------------------------------------------ */

typedef struct store_options {
    int busy_timeout_ms; /* how long a writer waits for another; 0: the default */
} store_options;

/* Opens the database at path, creating it (and its schema) if the file does
 * not exist or is empty. opt may be NULL. Returns NULL with a message naming
 * the path if the file is not a refflow database of this schema version,
 * cannot be opened for writing, or stays locked past the busy timeout. */
store *store_open(const char *path, const store_options *opt, char *err, size_t errlen);
/* Closes the handle; NULL is ignored. Unfinished store_tus must be ended or
 * abandoned first. */
void store_close(store *s);
/* The path given to store_open; owned by the handle. */
const char *store_path(const store *s);

/* --- runs --------------------------------------------------------------- */

typedef struct store_run_info {
    const char *command;      /* the command line, as one string */
    const char *tool_version; /* e.g. "refflow 0.1.0" */
    const char *config;       /* everything besides the sources that changes the
                               * findings (rule sets' text, enabled checks,
                               * --max-paths, the tool version): only its hash
                               * is kept. A unit analyzed under another config
                               * is never unchanged. NULL is "". */
} store_run_info;

/* Records a new run and makes it the handle's current run (the one
 * store_end_tu and store_reuse_tu write under); *run_id gets its id. */
bool store_begin_run(store *s, const store_run_info *info, int64_t *run_id, char *err,
                     size_t errlen);
/* Marks the current run finished with the command's exit status (0 clean,
 * 1 findings, other: error). */
bool store_end_run(store *s, int exit_status, char *err, size_t errlen);

/* --- incremental re-analysis -------------------------------------------- */

/* What identifies a translation unit; the same fields as a compile command. */
typedef struct store_tu_key {
    const char *file;         /* main file as given (as it appears in findings) */
    const char *directory;    /* working directory of the compile; NULL: the current one */
    const char *const *args;  /* compiler arguments without the file */
    int nargs;
} store_tu_key;

/* True if the unit was analyzed before, completely, under the current run's
 * config, and neither its main file nor any file it included then has
 * changed content since; *tu_id gets its id. Call before parsing: the
 * include list checked is the one stored at the unit's last analysis.
 * False if changed, unknown or on error (err is set only on an error, to a
 * message; a caller can treat both as "analyze it"). */
bool store_tu_unchanged(store *s, const store_tu_key *key, int64_t *tu_id, char *err,
                        size_t errlen);
/* Between these two calls, store_tu_unchanged looks at each file once: a
 * file an earlier call of the batch found (by stat) is not looked at again,
 * as if every unit were checked at one instant. For checking every unit of
 * a run before analyzing any (CPython's 130 units share their headers:
 * 35,000 stats of 700 files otherwise). Thread-safe; batches do not nest. */
void store_unchanged_batch_begin(store *s);
void store_unchanged_batch_end(store *s);
/* Appends the unit's current findings (those its last analysis reported),
 * with their notes, to out. Read-only. Fails if a stored check ID is not in
 * this build's registry (then analyze the unit again). */
bool store_load_findings(store *s, int64_t tu_id, finding_list *out, char *err, size_t errlen);
/* For an unchanged unit: in one transaction, records that the current run
 * reused it (its findings' last_run and the unit's become this run) and
 * appends its findings to out, as store_load_findings. */
bool store_reuse_tu(store *s, int64_t tu_id, finding_list *out, char *err, size_t errlen);

/* --- writing one translation unit --------------------------------------- */

/* Starts collecting one unit's facts; nothing is written until store_end_tu.
 * Reads and hashes the main file now (before the caller parses it). key is
 * copied. Never fails; a problem (no run begun, unreadable file) is
 * reported by store_end_tu. */
store_tu *store_begin_tu(store *s, const store_tu_key *key);

/* Every file the unit included, directly or not, as the parser named them
 * (clang_getInclusions); relative paths are taken from the key's directory;
 * duplicates and the main file itself are ignored; paths are copied. A
 * later call replaces the list. Calling it (even with n == 0) says the list
 * is complete: a unit for which it was never called is stored but never
 * counts as unchanged, since a header change could not be seen. */
void store_set_includes(store_tu *t, const char *const *paths, int n);

/* Where a function's summary came from. */
typedef enum store_summary_from {
    STORE_SUMMARY_NONE = 0,    /* no summary known: returns and params are NULL */
    STORE_SUMMARY_RULE,        /* a rule file */
    STORE_SUMMARY_ANNOTATION,  /* RF_NEW_REF & co. on its declaration */
    STORE_SUMMARY_INFERENCE,   /* inferred from its body */
    STORE_SUMMARY_CONVENTION,  /* the default for functions defined in the file */
} store_summary_from;

typedef struct store_function {
    const char *name;
    ir_loc loc;                /* the definition */
    const rule_fn *summary;    /* what callers use: ret, params and varargs are
                                * stored; NULL: none */
    store_summary_from from;
    bool is_static;            /* internal linkage: no other unit calls it */
} store_function;

/* Records a function defined in the unit; returns its index in the unit,
 * to name it in store_put_site and store_put_call_edge. */
int store_put_function(store_tu *t, const store_function *f);

typedef enum store_site_kind {
    STORE_SITE_ACQUIRE = 0, /* a call returned a reference */
    STORE_SITE_INCREF,
    STORE_SITE_DECREF,
    STORE_SITE_STEAL,       /* passed to a stealing argument */
    STORE_SITE_STORE,       /* stored into the heap: a field, a global, *out */
    STORE_SITE_RETURN,
} store_site_kind;

/* What a reference was (the engine's sym_origin, by another name). */
typedef enum store_ref_kind {
    STORE_REF_UNKNOWN = 0,
    STORE_REF_NEW,
    STORE_REF_BORROWED,
    STORE_REF_PARAM,
    STORE_REF_FIELD,
    STORE_REF_GLOBAL,
} store_ref_kind;

typedef struct store_site {
    store_site_kind kind;
    ir_loc loc;
    const char *callee;        /* the call doing it (Py_DECREF, PyList_SetItem), or NULL */
    int arg;                   /* its 0-based argument, or -1 */
    const char *symbol;        /* the variable or expression holding the reference, or NULL */
    const char *symbol_origin; /* the call that produced the reference, or NULL */
    store_ref_kind ref;
} store_site;

/* A site in function fn (an index from store_put_function). */
void store_put_site(store_tu *t, int fn, const store_site *site);
/* A direct call from function fn to callee at loc. */
void store_put_call_edge(store_tu *t, int fn, const char *callee, ir_loc loc);

/* An object type of the unit (schema/types.sql). */
typedef struct store_type {
    const char *name;
    ir_loc loc;                /* the struct's definition */
    const char *flavor;        /* "rf", "cpython" or "rule" */
    const char *type_object;   /* the variable describing it, or NULL */
    bool gc_tracked;
    const char *traverse;      /* its traverse function, or NULL */
    bool traced;
    const char *why_untraced;  /* NULL when traced */
    bool on_cycle;
} store_type;

void store_put_type(store_tu *t, const store_type *ty);

typedef enum store_edge_kind {
    STORE_EDGE_TYPE = 0,       /* a pointer to a specific object struct */
    STORE_EDGE_ANY,            /* PyObject * / rf_object *: any object */
    STORE_EDGE_CONTAINER,      /* an array of object pointers, a built-in container */
} store_edge_kind;

typedef enum store_visit {
    STORE_VISIT_UNKNOWN = 0, STORE_VISIT_NO, STORE_VISIT_YES
} store_visit;
/* The unit's analysis used the summary of name, a function defined in
 * another unit: summary is that rule's line as rules_format writes it, or
 * NULL when no analyzed unit defines name. One per name (a later call
 * replaces the summary). See analyzer/schema/tu_dependencies.sql. */
void store_put_dependency(store_tu *t, const char *name, const char *summary);

typedef struct store_type_edge {
    const char *struct_type;   /* the struct holding the field */
    const char *field;
    const char *target_type;   /* the object type it points to */
    bool owned;                /* it holds a reference of its own */
    ir_loc loc;                /* the field's declaration */
    store_edge_kind kind;
    const char *why_borrowed;  /* when !owned, or NULL */
    store_visit visited;       /* does the struct's traverse visit it */
    bool on_cycle;             /* on a cycle through struct_type */
} store_type_edge;

void store_put_type_edge(store_tu *t, const store_type_edge *e);
/* A finding of the unit (deep copy; an equal one already put is ignored,
 * as in finding_list_add). fingerprint is its identity across runs (text,
 * copied; unique within the unit), e.g. the baseline/SARIF fingerprint the
 * CLI computes, so that the database and baselines agree; NULL: the
 * store's own (store_fingerprint, ordinals counted among such findings). */
void store_put_finding(store_tu *t, const finding *f, const char *fingerprint);
/* Every finding of l, as store_put_finding; fingerprints is NULL or holds
 * one (possibly NULL) per finding of l. */
void store_put_findings(store_tu *t, const finding_list *l, const char *const *fingerprints);

/* Writes everything put since store_begin_tu in one transaction, replacing
 * the unit's previous rows, under the current run; *tu_id (may be NULL) gets
 * the unit's id. Frees t whatever happens. On failure nothing about the unit
 * changed. */
bool store_end_tu(store_tu *t, int64_t *tu_id, char *err, size_t errlen);
/* Frees t and writes nothing (the unit could not be analyzed). */
void store_abandon_tu(store_tu *t);

/* --- queries ------------------------------------------------------------ */

/* Appends the findings reported in run run_id to out; with only_new, only
 * those first seen in that run. */
bool store_load_run_findings(store *s, int64_t run_id, bool only_new, finding_list *out,
                             char *err, size_t errlen);
/* Adds to rs, as rules, the stored summaries (from annotations, inference
 * or convention) of the extern functions of unit tu_id (every unit when
 * tu_id <= 0) that rs has no rule for: what other units' calls use. Each
 * rule's file is its origin (RULES_FROM_INFERRED, _CONVENTION, _ANNOTATION),
 * its line the row id. Where units disagree on a name, the most recently
 * stored wins. Returns how many
 * were added, or -1 with a message. */
int store_load_summaries(store *s, int64_t tu_id, rule_set *rs, char *err, size_t errlen);
/* Calls cb for each dependency stored for unit tu_id at its last analysis
 * (store_put_dependency; summary NULL: none), in name order. Strings are
 * valid during the call. False with a message on a database error. */
typedef void (*store_dep_cb)(void *ctx, const char *name, const char *summary);
bool store_load_dependencies(store *s, int64_t tu_id, store_dep_cb cb, void *ctx, char *err,
                             size_t errlen);

/* Row counts, for summaries and tests. */
typedef struct store_counts {
    int64_t runs, files, tus, tu_includes, functions, sites, call_edges, type_edges, findings,
        finding_steps, types, tu_dependencies;
} store_counts;

bool store_count_rows(store *s, store_counts *out, char *err, size_t errlen);
/* SQLite's integrity_check and foreign_key_check; false with the first
 * problem in err. */
bool store_check_integrity(store *s, char *err, size_t errlen);

/* --- graphs (store_graph.c) -------------------------------------------- */

/* Read-only queries behind `refflow graph` and the HTML report's pictures
 * (tools/graph). Every row and string returned lives in the caller's arena
 * a; arrays come with their length in *n. Only what each unit's last
 * analysis stored is read (findings: the current ones). NULL columns read
 * as NULL strings and 0 numbers. */

typedef struct store_fn_row {
    int64_t id, tu_id;
    const char *name, *file;
    int line;
    const char *returns;      /* rule token (new, borrowed?, ...) or NULL */
    const char *params;       /* the rule's argument tokens, or NULL */
    const char *summary_from; /* rule, annotation, inference, convention, none */
} store_fn_row;

typedef struct store_site_row {
    const char *kind;         /* acquire, incref, decref, steal, store, return */
    const char *file;
    int line, col;
    const char *callee;
    int arg;                  /* -1 when NULL */
    const char *symbol, *symbol_origin, *ref_kind;
} store_site_row;

typedef struct store_step_row {
    const char *file;
    int line, col;
    const char *text;
} store_step_row;

typedef struct store_finding_row {
    int64_t id;
    const char *check_id, *severity, *file;
    int line, col;
    const char *function, *symbol, *message;
    store_step_row *steps;
    int nsteps;
} store_finding_row;

typedef struct store_call_row {
    int64_t caller_id;
    const char *callee, *file;
    int line;
} store_call_row;

/* A type of the types table; when the database has no such table, the
 * types named by type_edges with known = false. Databases written before
 * the cycle checks lack types, type_edges.kind and the on_cycle columns:
 * those read as unknown. */
typedef struct store_type_row {
    const char *name, *file;
    int line;
    const char *flavor;       /* rf, cpython, ... or NULL */
    bool known;               /* the row came from the types table */
    bool gc_tracked, has_traverse, traced;
    const char *why_untraced;
    int on_cycle;             /* the cycle checks' verdict: 1, 0, or -1 unknown */
} store_type_row;

typedef struct store_type_edge_row {
    const char *struct_type, *field, *target_type;
    bool owned;
    const char *file;
    int line;
    const char *kind;         /* type, any, container; NULL when not recorded */
    int on_cycle;             /* 1, 0, or -1 when not recorded */
} store_type_edge_row;

/* Functions named name (all when NULL), by file and line. */
bool store_graph_functions(store *s, arena *a, const char *name, store_fn_row **out, int *n,
                           char *err, size_t errlen);
/* The sites of one function, in source order. */
bool store_graph_sites(store *s, arena *a, int64_t function_id, store_site_row **out, int *n,
                       char *err, size_t errlen);
/* The current findings of unit tu_id in function `function`, with steps,
 * in line order. */
bool store_graph_findings(store *s, arena *a, int64_t tu_id, const char *function,
                          store_finding_row **out, int *n, char *err, size_t errlen);
/* Every call edge, by caller and line. */
bool store_graph_calls(store *s, arena *a, store_call_row **out, int *n, char *err,
                       size_t errlen);
/* Every type (distinct over units), by name. */
bool store_graph_types(store *s, arena *a, store_type_row **out, int *n, char *err,
                       size_t errlen);
/* Every type edge (distinct over units), by struct and field. */
bool store_graph_type_edges(store *s, arena *a, store_type_edge_row **out, int *n, char *err,
                            size_t errlen);

/* --- the HTML report (store_report.c) ----------------------------------- */

/* Everything `refflow report` shows, read in one snapshot. All strings and
 * arrays live in the report's arena, freed by store_report_free. */
typedef struct store_report_run {
    int64_t id;
    const char *started, *finished; /* ISO 8601 UTC; finished NULL while running */
    const char *command, *status;
    int64_t tus_analyzed, tus_reused;
} store_report_run;

typedef struct store_report_step {
    const char *file;          /* as given; may be NULL */
    int line, col;
    const char *text;
} store_report_step;

typedef struct store_report_finding {
    int64_t id, first_run, last_run, tu_id;
    const char *check, *severity, *file; /* file as given */
    int line, col;
    const char *function, *symbol, *message, *fingerprint; /* function, symbol may be NULL */
    store_report_step *steps;
    int nsteps;
    int fn_line;               /* the function's definition in file (functions.line), 0: unknown */
    const char *path;          /* file's absolute path at analysis (files.path, else resolved
                                * from the unit's directory) */
    const char *hash;          /* its content hash then (16 hex digits), NULL if not recorded */
} store_report_finding;

typedef struct store_report {
    store_report_run *runs;             /* oldest first */
    int nruns;
    store_report_finding *findings;     /* current findings, by file, line, col, check */
    int nfindings;
    arena mem;
} store_report;

/* Reads the runs and the current findings with their steps, definitions
 * and file hashes into *out (which the caller frees with
 * store_report_free, also after a failure). Read-only. */
bool store_report_load(store *s, store_report *out, char *err, size_t errlen);
void store_report_free(store_report *r);

/* --- fingerprints and hashes -------------------------------------------- */

/* The finding's fingerprint as stored (16 hex digits and a NUL into out):
 * see analyzer/schema/findings.sql. ordinal tells apart findings equal in
 * everything the fingerprint covers (0 for the first, in line order). */
void store_fingerprint(const finding *f, int ordinal, char out[17]);
/* XXH64 of len bytes, the content hash of files. */
uint64_t store_hash64(const void *data, size_t len, uint64_t seed);

#endif
