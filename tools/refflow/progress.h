/* progress.h: "[12/240] Objects/listobject.c" on stderr while `refflow
 * check` works through its translation units.
 *
 * Only for a person at a terminal: progress_new gives an inactive display
 * (every call does nothing, progress_diag is stderr itself) unless it is
 * enabled (not -q) and stderr is a terminal, so logs and pipes never see it.
 * The line is redrawn in place ("\r", then ESC[K to clear the rest of the
 * line), cut to the terminal's width so it never wraps, and removed by
 * progress_free, before the report and the summary are printed.
 *
 * Thread-safe: the workers of -j call progress_step concurrently; one mutex
 * orders everything the display writes. Messages printed while it is shown
 * (front-end warnings, skipped-function notes) must go through
 * progress_diag(p), a line-buffered stream that clears the display before
 * each message and redraws it after, so the two never share a line.
 */
#ifndef REFFLOW_PROGRESS_H
#define REFFLOW_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>

typedef struct progress progress;

/* A display for total units; never NULL. The caller frees it. */
progress *progress_new(int total, bool enabled);
/* A unit starts: shows "[started/total] label". label is not kept. */
void progress_step(progress *p, const char *label);
/* Where to print other messages while p exists; owned by p. */
FILE *progress_diag(progress *p);
/* Removes the line (flushing progress_diag first) and frees p. */
void progress_free(progress *p);

#endif
