/* report.h: `refflow report`, the HTML report (see README, "HTML report").
 *
 * A static site written into one directory, readable from file:// with no
 * network: every page carries its own CSS (and the index its JS) inline.
 * Pages: index.html (counts per check and per file, the findings table,
 * sortable and filterable by the embedded script, a plain table without
 * it), one page per finding (report_finding.c: its source with the path
 * marked, and its function's graph), types.html (the type reference graph,
 * the types and the cycle findings).
 *
 * Files: cmd_report.c parses the command line and writes the pages;
 * report_page.c holds the frame every page shares and the page names;
 * report_index.c, report_finding.c and report_types.c write their pages;
 * report_source.c reads source files; html.c escapes; the CSS and JS come
 * from report_assets/ (embedded at build time, report_assets.h).
 *
 * Everything from the database or a source file is escaped (html.h). Page
 * names are made only of ASCII letters, digits, '-' and '.', whatever the
 * file names in the database. */
#ifndef REFFLOW_REPORT_H
#define REFFLOW_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "store.h"

typedef struct report_ctx {
    store *db;
    const store_report *r;
    const char *dir;                  /* output directory */
    const store_report_run *latest;   /* the last run, NULL when there is none */
    int64_t previous_run;             /* the run before it, 0 if none */
    const char *common_dir;           /* the directory (ending in '/') every finding's
                                       * file is under, shown once; "" if none */
} report_ctx;

/* --- pages (report_page.c) ----------------------------------------------- */

/* Opens DIR/name for writing; NULL with a message naming the path. */
FILE *report_page_open(const report_ctx *c, const char *name, char *err, size_t errlen);
/* Closes the page; false with a message if anything failed to be written. */
bool report_page_close(const report_ctx *c, FILE *out, const char *name, char *err,
                       size_t errlen);
/* The document head with the embedded style, the title (escaped), and the
 * navigation bar; active is "index", "types" or "" (a finding page). */
void report_page_begin(FILE *out, const char *title, const char *active);
/* Closes the document; with_script embeds the index's script first. */
void report_page_end(FILE *out, bool with_script);
/* The finding's page name ("f12-leak-listobject.c-L340.html") into buf. */
const char *report_finding_page(const store_report_finding *f, char *buf, size_t len);
/* Is the finding new in the latest run (first seen there, and there was a
 * run before it)? */
bool report_is_new(const report_ctx *c, const store_report_finding *f);
/* The longest directory prefix (up to and with a '/') of every finding's
 * file, into buf; "" when there is none. */
const char *report_common_dir(const store_report *r, char *buf, size_t len);
/* file without c->common_dir, for display. */
const char *report_short_file(const report_ctx *c, const char *file);
/* The check ID as a badge (colored per check in the style sheet). */
void report_check_badge(FILE *out, const char *check);
/* An ISO 8601 UTC time as "2024-05-01 12:00 UTC" (NULL: "(not finished)"). */
void report_time(FILE *out, const char *iso);
/* "run #3", with its start time as a tooltip. */
void report_run_label(FILE *out, const report_ctx *c, int64_t run_id);

/* --- the pages ----------------------------------------------------------- */

bool report_write_index(const report_ctx *c, char *err, size_t errlen);
/* f is one of c->r->findings (its neighbours there are linked as previous
 * and next). */
bool report_write_finding(const report_ctx *c, const store_report_finding *f, char *err,
                          size_t errlen);
bool report_write_types(const report_ctx *c, char *err, size_t errlen);

#endif
