/* baseline.h: the baseline file, and the filter that decides which of a
 * run's findings are reported.
 *
 * A baseline lists the findings known when it was written, so that CI fails
 * only on new ones. It is text, one finding per line, sorted like the
 * report, meant to be committed and reviewed:
 *
 *     # refflow baseline v1
 *     # FINGERPRINT<TAB>CHECK<TAB>FILE:LINE<TAB>MESSAGE; only FINGERPRINT is compared
 *     3b1f0c2a9d8e7f60<TAB>leak<TAB>src/cache.c:48<TAB>leak of new reference 'x' (...)
 *
 * The first line must be the header; other lines starting with '#', and
 * blank lines, are comments. Every other line is a 16-hex-digit fingerprint
 * (fingerprint.h), a tab or space, the check ID and then, for reviewers
 * only, the file (relative to the source root), the line and the message.
 * Since a fingerprint ignores line numbers, the baseline keeps matching
 * while unrelated code moves; FILE:LINE may go stale and that is harmless.
 *
 * The filter, in order: every finding gets its fingerprint (before anything
 * is dropped, so occurrence indices do not depend on suppressions); findings
 * covered by a refflow-ignore comment are suppressed (suppress.h); of the
 * rest, those whose fingerprint is in the --baseline are known; the rest are
 * reported. --write-baseline writes every finding that is not suppressed.
 */
#ifndef REFFLOW_BASELINE_H
#define REFFLOW_BASELINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cli.h"
#include "fingerprint.h"
#include "suppress.h"

#define BASELINE_HEADER "# refflow baseline v1"

typedef struct baseline baseline;

/* Reads and checks the baseline at path. NULL with the reason in err if it
 * cannot be read ("PATH: cannot read: ...") or is malformed
 * ("PATH:LINE: ..."). The caller frees the result (baseline_free). */
baseline *baseline_load(const char *path, char *err, size_t errlen);
bool baseline_has(const baseline *b, uint64_t fp);
int baseline_count(const baseline *b);
void baseline_free(baseline *b);

/* The findings of one run as the CI features see them. */
typedef struct ci_findings {
    const finding_list *all;  /* every finding, sorted; not owned */
    uint64_t *fp;             /* fp[i]: fingerprint of all->items[i] */
    suppress_info sup;        /* which findings a comment suppresses */
    bool *known;              /* known[i]: in the baseline (and not suppressed) */
    int nknown;
    finding_list shown;       /* the findings to report: a view that shares
                                 all's strings; never finding_list_free it */
    uint64_t *shown_fp;       /* their fingerprints */
    const char *source_root;  /* --source-root, or NULL: the current directory */
} ci_findings;

/* Runs the filter over all (sorted) with the options' --source-root and
 * --write-baseline and the loaded --baseline bl (NULL: none). Suppression
 * warnings go to diag. Returns false, with a message on stderr, if the
 * baseline could not be written. The caller frees out (ci_findings_free)
 * before all. */
bool ci_filter(const check_options *o, const baseline *bl, const finding_list *all, FILE *diag,
               ci_findings *out);
void ci_findings_free(ci_findings *cf);

/* Writes the findings of cf that are not suppressed as a baseline to path.
 * False with the reason in err on an I/O error. */
bool baseline_write(const char *path, const ci_findings *cf, char *err, size_t errlen);

/* report_summary's line for the shown findings, followed by what the filter
 * held back: "refflow: 1 finding in 2 files (leak: 1); 2 suppressed; 3 in the
 * baseline". */
void ci_summary(FILE *out, const ci_findings *cf, int files, int skipped);

#endif
