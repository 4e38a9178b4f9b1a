/* db.h: `refflow check` and the SQLite database (analyzer/store.h). Opens
 * the database for a run (default refflow.db in the current directory;
 * none with --no-db or --verify), reuses the findings of translation units
 * whose files did not change, and records each analyzed unit: its includes,
 * functions with their contracts, reference sites, call edges and findings
 * with fingerprints. A database problem is reported and ends the run with
 * status 2 before any analysis; a failure to record one unit is a warning. */
#ifndef REFFLOW_DB_H
#define REFFLOW_DB_H

#include <stdbool.h>

#include "cli.h"
#include "engine.h"
#include "frontend.h"
#include "jobs.h"
#include "rules.h"
#include "store.h"
#include "typegraph.h"
#include "summary.h"

/* Opens the database and begins a run; *out is NULL when no database is
 * used. False (with a message printed) if it cannot be opened. */
bool db_begin_run(const check_options *o, const rule_set *rs, int argc, char **argv,
                  store **out);
void db_end_run(store *db, int status);

/* Is j unchanged since it was last analyzed (its files, arguments and the
 * configuration)? *tu_id gets its id. Whether it can be reused also
 * depends on the summaries it used (db_load_unit, summary_deps_hold). */
bool db_unchanged(store *db, const tu_job *j, int64_t *tu_id);
/* A unit that is not parsed again: its extern functions' stored summaries
 * into u->ext and the summaries it used into u->deps. False (with a
 * warning on diag) if they cannot be read: analyze it then. */
bool db_load_unit(store *db, int64_t tu_id, summary_unit *u, FILE *diag);
/* Records the reuse of an unchanged unit in this run and appends its stored
 * findings to out; false if that fails (analyze it then). */
bool db_reuse(store *db, int64_t tu_id, finding_list *out);

/* Recording one unit while it is analyzed: the hooks go to the engine. */
typedef struct db_unit {
    store_tu *st;
    int fn;                 /* current function's index in the unit */
    engine_hooks hooks;
} db_unit;

void db_unit_begin(store *db, const tu_job *j, db_unit *u);
/* Records the unit's type reference graph: the types it defines or
 * describes, and their reference fields (store.h, types / type_edges). */
void db_unit_types(db_unit *u, const typegraph *g);
/* Ends the unit: stores includes and findings (or abandons if !analyzed). */
/* Ends the unit: stores includes, the summaries it used from other units
 * (deps, may be NULL) and findings (or abandons if !analyzed). */
void db_unit_end(db_unit *u, const fe_result *fe, finding_list *findings, bool analyzed,
                 const summary_deps *deps, FILE *diag);

#endif
