/* checks.h: the registry of checks and the events the engine gives them.
 *
 * The engine owns the walk over paths and every state transition; a check
 * only looks at events (a reference lost, released, used, returned) with the
 * symbol's state *before* the transition, and decides whether that is a
 * finding (smatch's split: the engine tracks, checks judge). Checks never
 * change the state, so enabling or disabling one never changes what another
 * reports.
 *
 * Check IDs and their help text live only in the registry (check_registry.c);
 * reporters and the CLI read them from here.
 */
#ifndef REFFLOW_CHECKS_H
#define REFFLOW_CHECKS_H

#include <stdbool.h>

#include "ir.h"
#include "symstate.h"

struct finding_list;

typedef enum check_event_kind {
    EV_LOST,     /* the last place holding sym went away */
    EV_RELEASE,  /* sym is being released (decref) or stolen */
    EV_USE,      /* sym is dereferenced, passed to a call, or returned */
    EV_RETURN,   /* sym is returned from the function */
    EV_LINK,     /* an object now holds an owned reference to sym (a field store, a
                    container insert) and sym already reaches that object: a cycle */
} check_event_kind;

typedef enum lost_reason { LOST_RETURN, LOST_SCOPE, LOST_OVERWRITE, LOST_UNUSED, LOST_END } lost_reason;
typedef enum release_how { REL_DECREF, REL_STEAL } release_how;
typedef enum use_how { USE_DEREF, USE_PASS, USE_RETURN } use_how;

/* One edge of a reference cycle: at loc, text says which object holds
 * which ("'a->next' holds 'b'"); record is the struct type of the holder
 * when the edge is a field of an object struct, NULL for a container or
 * an object of unknown type. */
typedef struct check_link {
    ir_loc loc;
    const char *text;
    const char *record;
} check_link;

typedef struct check_event {
    check_event_kind kind;
    ir_loc loc;
    const sym *sym;          /* the symbol before the transition */
    const sstate *state;     /* the path so far (for notes) */
    const char *callee;      /* PASS/RELEASE: the function called, if any */
    int arg_index;           /* PASS: 0-based argument position */
    bool nullable_ok;        /* USE: NULL is allowed here */
    bool returns_new;        /* RETURN: the function must return a new reference */
    const sym *holder;       /* LINK: the object that now holds sym */
    const char *via;         /* LINK: "'y->prev'" or "'l' with rf_list_append" */
    const char *record;      /* LINK: the holder's struct type (field stores), or NULL */
    const check_link *cycle; /* LINK: the earlier edges from sym back to holder */
    int ncycle;
    lost_reason lost;
    release_how release;
    use_how use;
} check_event;

/* What a check reports into; set up by the engine per function. */
typedef struct check_ctx {
    struct finding_list *out;
    const char *function;
    const struct check_set *enabled;
    const struct typegraph *types; /* the unit's type graph, or NULL */
} check_ctx;

typedef void (*check_fn)(struct check_ctx *ctx, const check_event *ev);

typedef struct check_info {
    const char *id;          /* fixed check ID: "leak" */
    const char *summary;     /* one line */
    const char *help;        /* a paragraph: what it catches and why it matters */
    check_fn on_event;       /* NULL for checks not driven by path events (cycles) */
} check_info;

/* All checks in registry order. */
int checks_count(void);
const check_info *checks_at(int i);
const check_info *checks_find(const char *id);

/* An enabled-set parsed from a clang-tidy style list ("-*,leak,over-release"):
 * items apply left to right, "*" matches all, "-" disables. Returns false and
 * writes a message for an unknown ID. */
typedef struct check_set {
    bool enabled[16];
} check_set;

void check_set_all(check_set *cs);
bool check_set_parse(check_set *cs, const char *list, char *err, size_t errlen);
bool check_set_has(const check_set *cs, const char *id);

/* Used by checks to report: severity "warning"; message printf-style. The
 * notes are built from the state's path trail for the event's symbol, ending
 * with final_note at the event's location (may be NULL). */
void check_report(struct check_ctx *ctx, const check_event *ev, const char *check_id,
                  const char *final_note, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Per-check event handlers (one file each). */
void check_leak_event(struct check_ctx *ctx, const check_event *ev);
void check_over_release_event(struct check_ctx *ctx, const check_event *ev);
void check_use_after_release_event(struct check_ctx *ctx, const check_event *ev);
void check_borrowed_return_event(struct check_ctx *ctx, const check_event *ev);
void check_null_deref_event(struct check_ctx *ctx, const check_event *ev);
void check_cycle_created_event(struct check_ctx *ctx, const check_event *ev);

/* `cycle-untraced`: judged once per translation unit from its type graph
 * (check_cycle_untraced.c); adds its findings to out unless disabled in
 * enabled (NULL: enabled). */
struct typegraph;
void check_cycle_untraced(const struct typegraph *g, const check_set *enabled,
                          struct finding_list *out);

/* Describes where a symbol came from: "from PyLong_FromLong at line 12",
 * "a parameter", ...; writes into buf. Shared by the checks' messages. */
const char *check_describe_origin(const sym *s, char *buf, size_t len);
/* The symbol's display name ("x", or "the result of f") into buf. */
const char *check_sym_name(const sym *s, char *buf, size_t len);

#endif
