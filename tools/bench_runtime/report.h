/* report.h: formatting of table cells and the MET / NOT MET ledger of the targets.
 *
 * Every section calls report_target() once per target it checks: the verdict is printed
 * right below the section's table and kept for the summary printed at the end by
 * report_summary(). A value that could not be measured (NaN) is "NOT MEASURED", never MET.
 */
#ifndef BENCH_REPORT_H
#define BENCH_REPORT_H

/* Formats a time in ns (or "n/a" for NaN) right-aligned in `width` into buf; returns buf. */
const char *report_ns(char *buf, int width, double ns);
/* Formats a ratio a/b as "0.83x" (or "n/a") right-aligned in `width`; returns buf. */
const char *report_ratio(char *buf, int width, double a, double b);

/* Records and prints one target: MET when value <= limit. `what` describes the target,
 * `value_desc` how value was obtained (e.g. "geomean rf/mimalloc"). */
void report_target(const char *what, const char *value_desc, double value, double limit);

/* Prints every recorded target again, with its verdict, and the counts. */
void report_summary(void);

#endif
