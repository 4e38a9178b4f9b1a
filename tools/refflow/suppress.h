/* suppress.h: in-source suppressions of findings.
 *
 *     return rf_int_value(x);  // refflow-ignore[leak]: x is owned by the cache
 *     // refflow-ignore[leak,over-release]: the reason, on a line of its own
 *     // refflow-ignore[*]: every check
 *
 * A suppression is a comment (// or / *) holding "refflow-ignore[", a
 * comma-separated list of check IDs or "*", "]", and after a ':' the reason,
 * up to the end of the line (or of the block comment). It covers the findings
 * of those checks reported on its own line; a comment that stands on a line
 * of its own also covers the next line. A trailing comment never reaches the
 * next line, so a suppression cannot silence a statement it does not sit on.
 *
 * Every suppression in a file that has findings is checked, used or not:
 * one without a reason still applies, with a warning; an unknown check ID is
 * a warning and is ignored (a typo must not suppress, nor pass silently);
 * "refflow-ignore[" without its "]" is a warning and suppresses nothing.
 * Warnings use the diagnostic format: "FILE:LINE:COL: warning: ...".
 */
#ifndef REFFLOW_SUPPRESS_H
#define REFFLOW_SUPPRESS_H

#include <stdbool.h>
#include <stdio.h>

#include "checks.h"
#include "fingerprint.h"

typedef struct suppression {
    unsigned line, col;    /* where "refflow-ignore" is */
    char *reason;          /* "" when none was given */
    check_set checks;      /* the checks it covers */
    bool standalone;       /* the comment is alone on its line */
} suppression;

typedef struct suppress_file suppress_file;

/* Which suppression covers each finding of a list. Owns its suppressions. */
typedef struct suppress_info {
    const suppression **by_finding;   /* [i]: covers finding i, or NULL */
    int count;                        /* findings covered */
    suppress_file *files;             /* storage */
} suppress_info;

/* Finds the suppressions covering the findings of l (sorted by file), reading
 * the files through src; warnings about the suppressions of those files go to
 * diag. The caller frees out with suppress_info_free. */
void suppress_find(const finding_list *l, fp_sources *src, FILE *diag, suppress_info *out);
void suppress_info_free(suppress_info *si);

/* Parses the suppression on one line of source text (n bytes), if any.
 * Returns 1 and fills s (s->reason is malloc'd) if there is one, 0 if there
 * is none, -1 if there is a malformed one (why in err); col is set to the
 * 1-based column of "refflow-ignore" when the result is not 0. Unknown check
 * IDs are reported through unknown (called once per unknown ID) and left
 * out. Exported for the tests. */
int suppress_parse_line(const char *text, size_t n, suppression *s, char *err, size_t errlen,
                        void (*unknown)(void *ctx, const char *id, unsigned col), void *ctx);

/* For --list-suppressed: one line per suppressed finding of l,
 * "FILE:LINE:COL: suppressed: MESSAGE [refflow-CHECK]; reason: REASON". */
void suppress_print(FILE *out, const finding_list *l, const suppress_info *si);

#endif
