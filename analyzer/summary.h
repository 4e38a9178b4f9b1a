/* summary.h: ownership summaries across translation units.
 *
 * A program is a set of units, each either loaded (its whole IR, fe_load)
 * or reused (not parsed: its extern functions' summaries and what it used
 * of other units' summaries come from the database). The first pass learns
 * every loaded unit's summaries (engine_infer, callees first) against the
 * program table: the summaries of every unit's extern functions. That
 * table changes as units learn, so passes repeat: a unit runs again when a
 * summary it used from another unit now reads differently, or when it used
 * one of its own before learning it (recursion) and its own table changed.
 * At most SUMMARY_MAX_PASSES passes; the result is the same whatever the
 * order the units of one pass run in (each reads only the tables of the
 * pass before), so -j does not change findings.
 *
 * The program table: for each extern function name, the summary of the
 * first unit (in the order given) that defines it; a rule or annotation of
 * the caller's unit still ranks above it (contract.c).
 *
 * Dependencies: a summary_deps records, per function name a unit called
 * and did not define, the summary it used as text (rules_format's line) or
 * "none"; summary_deps_hold says whether they all still read the same in a
 * program table. Stored with the unit (store_put_dependency), they let an
 * unchanged unit be reused only while its inputs are the same.
 *
 * Memory: a summary_unit owns its tables and deps (summary_unit_clear);
 * the IR belongs to the caller. Threads: summary_pass on different units
 * may run concurrently (they share only read-only tables).
 */
#ifndef REFFLOW_SUMMARY_H
#define REFFLOW_SUMMARY_H

#include <stdbool.h>
#include <stdio.h>

#include "checks.h"
#include "engine.h"
#include "frontend.h"
#include "rules.h"

#define SUMMARY_MAX_PASSES 8

typedef struct summary_deps summary_deps;

summary_deps *summary_deps_new(void);
void summary_deps_free(summary_deps *d);
/* An engine_external_cb (ctx is the deps): records name's summary once. */
void summary_deps_note(void *ctx, const char *name, const rule_fn *used);
/* Records a stored dependency (summary NULL: none). */
void summary_deps_add_text(summary_deps *d, const char *name, const char *summary);
int summary_deps_count(const summary_deps *d);
/* The i-th, in name order; summary NULL for "none". Owned by d. */
void summary_deps_at(const summary_deps *d, int i, const char **name, const char **summary);
/* How many used a summary (not "none"). */
int summary_deps_used(const summary_deps *d);
/* Does every recorded dependency read the same in program? */
bool summary_deps_hold(const summary_deps *d, const rule_set *program);

/* A rule as one line of text (rules_format), malloc'd; NULL for NULL. */
char *summary_text(const rule_fn *r);

typedef struct summary_unit {
    fe_unit *ir;             /* loaded: its IR (not owned); NULL: reused */
    rule_set *own;           /* loaded: its functions' summaries after the last pass */
    rule_set *ext;           /* reused: its extern functions' stored summaries */
    summary_deps *deps;      /* loaded: used in its last pass; reused: stored */
    bool unsettled;          /* its last pass used own summaries before learning them */
    bool rerun;              /* run in the next pass */
} summary_unit;

void summary_unit_clear(summary_unit *u);

/* The program table of units[0..n) (see above; functions that rules name
 * are left out); the caller frees it. */
rule_set *summary_program(const summary_unit *units, int n, const rule_set *rules);

/* One unit's pass: learns the summaries of u->ir's functions against
 * program (and its own earlier ones as prior), replacing u->own, u->deps
 * and u->unsettled. Returns the table u->own held before (the caller frees
 * it). */
typedef struct summary_env {
    const rule_set *rules;
    int max_steps;
    const check_set *checks;
    FILE *notes;
} summary_env;

rule_set *summary_pass(const summary_env *env, summary_unit *u, const rule_set *program);

/* Runs fn(ctx, i) for every i in [0, n) (in parallel or not). */
typedef void (*summary_for_each)(void *ctx, int n, void (*fn)(void *, int), void *arg);

/* Passes to the fixpoint over units[0..n) (see above); returns the final
 * program table (the caller frees it) and the number of passes in *passes. */
rule_set *summary_fixpoint(const summary_env *env, summary_unit *units, int n,
                           summary_for_each for_each, void *ctx, int *passes);

#endif
