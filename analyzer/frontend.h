/* frontend.h: the libclang front end. The only part of refflow that includes
 * clang-c/Index.h (in frontend_*.c); everything else sees ir.h.
 *
 * It parses one translation unit with the given compiler arguments, adds
 * -resource-dir (found at build time) when the arguments lack one, and lowers
 * every function *defined in the main file* to an ir_function, handing each to
 * a callback. Function bodies from headers (static inline helpers such as
 * Python 3.11's _Py_INCREF) are not lowered; calls to them are calls.
 *
 * A translation unit that does not fully parse is still lowered as far as the
 * AST allows: fe_result.errors counts the error diagnostics and each is
 * printed as a warning; the functions lowered from it carry incomplete=true.
 * Only a file that cannot be read or parsed at all is a failure.
 *
 * Memory: each ir_function is built in an arena that the front end resets
 * after the callback returns; the callback must copy what it keeps. Strings
 * shared between functions (file names, callee facts) live until fe_run
 * returns.
 *
 * Threads: fe_run parses and lowers on a helper thread with a large stack
 * (clang's parser recurses on deeply nested code) and waits for it; the
 * callback runs on that thread. It sets LIBCLANG_NOTHREADS=1 once per process
 * (unless already set) so that libclang parses on that thread, not its own
 * 8 MB one. Several fe_run calls may run concurrently (each its own index).
 */
#ifndef REFFLOW_FRONTEND_H
#define REFFLOW_FRONTEND_H

#include <stdbool.h>
#include <stdio.h>

#include "ir.h"
#include "rules.h"

typedef struct fe_options {
    const char *file;         /* path as the user gave it (used in locations) */
    const char *const *args;  /* compiler arguments, not including the file */
    int nargs;
    const char *directory;    /* working directory for relative paths, or NULL */
    const rule_set *rules;    /* object types and refcount fields */
    FILE *diag;               /* where parse warnings go (stderr) */
    bool keep_going;          /* lower even when the TU has errors (default true) */
    bool callees_first;       /* hand functions over callees first (bottom-up over the
                                 file's call graph; recursion cycles in file order),
                                 instead of in file order; keeps the whole TU's IR */
    struct typegraph *types;  /* if not NULL: filled with the unit's type reference graph
                                 (typegraph.h, finished) before any function is handed
                                 over; the caller owns it (tg_init before, tg_free after) */
} fe_options;

typedef struct fe_result {
    int errors;        /* error/fatal diagnostics from clang */
    int warnings_printed;
    int functions;     /* functions lowered */
    bool failed;       /* could not parse at all */
    char message[512]; /* why, when failed */
    char **includes;   /* every file the unit included, as clang names them;
                          malloc'd, released by fe_result_free */
    int nincludes;
} fe_result;

/* Releases what fe_run allocated in res (the include list). */
void fe_result_free(fe_result *res);

/* Called once per function defined in the main file. */
typedef void (*fe_function_cb)(ir_function *fn, void *ctx);

/* Parses and lowers; returns false only when nothing could be analyzed. */
bool fe_run(const fe_options *opt, fe_function_cb cb, void *ctx, fe_result *res);

/* The whole translation unit's IR, kept after the parse (libclang's unit is
 * disposed): every function defined in the main file, callees first (as
 * fe_options.callees_first hands them over), with the strings they share.
 * For analyses that look at all functions of all units before checking any
 * (summaries across translation units). */
typedef struct fe_unit fe_unit;

/* Parses and lowers like fe_run (callees_first is implied) but keeps the
 * functions; NULL only when nothing could be analyzed (res says why). The
 * caller owns the unit (fe_unit_free). Each function is compacted
 * (ir_compact) into the unit's one arena as soon as it is lowered, so a unit
 * holds its live IR only, about a fifth of what lowering allocates; all its
 * functions share that arena (f->arena, where ir_place_name allocates):
 * analyze one unit's functions on one thread at a time. */
fe_unit *fe_load(const fe_options *opt, fe_result *res);
int fe_unit_count(const fe_unit *u);
/* The i-th function, callees first; owned by the unit. */
ir_function *fe_unit_function(const fe_unit *u, int i);
/* Bytes the unit's arenas hold (its IR), for measurements. */
size_t fe_unit_bytes(const fe_unit *u);
void fe_unit_free(fe_unit *u);

/* The clang resource directory found at build time. */
const char *fe_resource_dir(void);
/* libclang's version string, for --version. Caller frees with free(). */
char *fe_clang_version(void);

#endif
