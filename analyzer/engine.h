/* engine.h: the path-sensitive ownership engine.
 *
 * For each function it walks the CFG path by path (a worklist of block and
 * state; identical states at a block entry are explored once), applies each
 * instruction to the abstract state (symstate.h), and hands events to the
 * enabled checks (checks.h). Calls are interpreted through their contract:
 * a rule, else the callee's annotations, else its summary (for a function
 * defined in the same unit: the one learned from its body; for an extern
 * function defined in another unit: engine_options.program), else the
 * convention for functions defined in the same unit, else "unknown" (not
 * checked).
 *
 * Summaries: engine_infer learns a function's summary from its body without
 * checking it (which parameters it gives away without owning, whether every
 * result is borrowed or NULL); engine_summary reads it back. A static
 * function is checked against its summary; an extern one against the
 * convention (its summary is what callers use; where the two differ its
 * body is reported against the convention, e.g. borrowed-return). Across
 * translation units a driver runs engine_infer over every unit's functions,
 * collects the extern summaries into one program table, and repeats with
 * those (and each unit's own, as prior) until nothing changes; then it
 * checks every unit with the final tables and no_infer.
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

/* Told when a call's contract was looked up in engine_options.program:
 * used is the summary found, or NULL when no unit defines the name. */
typedef void (*engine_external_cb)(void *ctx, const char *name, const rule_fn *used);

typedef struct engine_options {
    int max_steps;            /* block visits per function (default 100000) */
    int max_states_per_block; /* distinct states at one block (default 512) */
    const check_set *checks;  /* NULL: all */
    FILE *notes;              /* skipped-function notes; NULL: stderr */
    const engine_hooks *hooks; /* NULL: none */
    const struct typegraph *types; /* the unit's type graph (cycle-created severity);
                                      read while analyzing, may be filled after
                                      engine_tu_new; NULL: none */
    const rule_set *program;  /* summaries of extern functions of every unit, or NULL */
    const rule_set *prior;    /* this unit's summaries from an earlier pass, or NULL */
    bool no_infer;            /* engine_analyze does not infer: prior is final */
    engine_external_cb on_external; /* NULL: none */
    void *external_ctx;
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
/* Analyzes fn (inferring its summary first unless no_infer); returns false
 * if it was skipped over budget. */
bool engine_analyze(engine_tu *tu, ir_function *fn);
/* Learns fn's summary from its body (no findings, no hooks). Call callees
 * first; a summary of this unit used before it was learned makes the unit
 * unsettled (recursion: another pass, with these summaries as prior, may
 * learn more). */
void engine_infer(engine_tu *tu, ir_function *fn);
/* Notes what fn's calls show about their callees' arguments (an incref
 * right before the call: engine_callsite.c). Scan every function of the
 * unit before inferring any. */
void engine_scan_calls(engine_tu *tu, const ir_function *fn);
/* fn's summary as the unit knows it now (what its callers use), and where
 * it came from. Owned by the unit's sets (or the rules); valid until
 * engine_tu_free. */
const rule_fn *engine_summary(engine_tu *tu, const ir_function *fn, engine_contract_from *from);
bool engine_tu_unsettled(const engine_tu *tu);
/* Adds to into fn's summary as its declaration alone says it (annotations,
 * else the convention), without looking at its body: the first guess for
 * passes to a fixpoint. NULL (nothing added) when a rule of rules names it
 * or its annotations do not parse. */
const rule_fn *engine_declared_summary(rule_set *into, const rule_set *rules,
                                       const ir_function *fn);
const engine_stats *engine_tu_stats(const engine_tu *tu);

#endif
