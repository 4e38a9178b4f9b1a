/* engine.h: the path-sensitive ownership engine.
 *
 * For each function it walks the CFG path by path (a worklist of block and
 * state; identical states at a block entry are explored once), applies each
 * instruction to the abstract state (symstate.h), and hands events to the
 * enabled checks (checks.h). Calls are interpreted through their contract:
 * a rule, else the callee's annotations, else the convention for functions
 * defined in the same file, else "unknown" (not checked).
 *
 * Termination: states are finite (owned counts are capped at SYM_OWNED_MAX,
 * symbols are bounded by places, intervals only shrink), and identical
 * states are merged at block entries, so loops reach a fixpoint. A function
 * whose exploration exceeds the budget (engine_options.max_steps block
 * visits, or max_states_per_block distinct states at one block) is skipped
 * with a note, its findings dropped — never silently.
 *
 * Memory: per-function state lives in an arena dropped when the function is
 * done; findings are copied into the caller's finding_list.
 */
#ifndef REFFLOW_ENGINE_H
#define REFFLOW_ENGINE_H

#include <stdbool.h>
#include <stdio.h>

#include "checks.h"
#include "finding.h"
#include "ir.h"
#include "rules.h"

/* What the engine can tell a store about a function, as it analyzes it. */
typedef enum engine_contract_from {
    CONTRACT_UNKNOWN = 0, CONTRACT_RULE, CONTRACT_ANNOTATION, CONTRACT_CONVENTION,
    CONTRACT_INFERENCE
} engine_contract_from;

typedef enum engine_site_kind {
    ENGINE_SITE_ACQUIRE, ENGINE_SITE_INCREF, ENGINE_SITE_DECREF, ENGINE_SITE_STEAL,
    ENGINE_SITE_STORE, ENGINE_SITE_RETURN,
} engine_site_kind;

/* One place where a reference changes hands, reported once per function
 * and (kind, location, argument) however many paths pass there. Strings
 * are valid only during the callback. */
typedef struct engine_site {
    engine_site_kind kind;
    ir_loc loc;
    const char *callee;       /* the call doing it, or NULL */
    int arg;                  /* its argument index, or -1 */
    const char *symbol;       /* the variable holding the reference, or NULL */
    const char *origin_call;  /* the call that produced the reference, or NULL */
    int origin;               /* sym_origin (symstate.h) */
} engine_site;

typedef struct engine_hooks {
    void *ctx;
    /* Each function, before its walk, with the contract it is checked against. */
    void (*on_function)(void *ctx, const ir_function *fn, const rule_fn *contract,
                        engine_contract_from from);
    void (*on_site)(void *ctx, const ir_function *fn, const engine_site *site);
} engine_hooks;

typedef struct engine_options {
    int max_steps;            /* block visits per function (default 100000) */
    int max_states_per_block; /* distinct states at one block (default 512) */
    const check_set *checks;  /* NULL: all */
    FILE *notes;              /* skipped-function notes; NULL: stderr */
    const engine_hooks *hooks; /* NULL: none */
    const struct typegraph *types; /* the unit's type graph (cycle-created severity);
                                      read while analyzing, may be filled after
                                      engine_tu_new; NULL: none */
} engine_options;

typedef struct engine_stats {
    int functions;   /* analyzed to the end */
    int skipped;     /* over budget */
    int trusted;     /* not analyzed: trusted by rule */
    long long steps; /* block visits in all */
} engine_stats;

typedef struct engine_tu engine_tu;

/* One per translation unit (annotation-derived contracts are per TU).
 * rules must outlive it; findings are added to out. */
engine_tu *engine_tu_new(const rule_set *rules, const engine_options *opt, finding_list *out);
void engine_tu_free(engine_tu *tu);
/* Analyzes fn; returns false if it was skipped over budget. */
bool engine_analyze(engine_tu *tu, ir_function *fn);
const engine_stats *engine_tu_stats(const engine_tu *tu);

#endif
