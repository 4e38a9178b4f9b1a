/* report.c: table cells and the ledger of targets (see report.h).
 *
 * Assumes fewer than MAX_TARGETS targets per run; the strings passed to report_target()
 * are copied.
 */
#include "report.h"

#include <math.h>
#include <stdio.h>

#define MAX_TARGETS 64

typedef struct target {
    char line[200];
    int state; /* 0 met, 1 not met, 2 not measured */
} target;

static target ledger[MAX_TARGETS];
static int n_targets;

static const char *const state_name[] = { "MET", "NOT MET", "NOT MEASURED" };

const char *report_ns(char *buf, int width, double ns)
{
    if (isnan(ns))
        snprintf(buf, 32, "%*s", width, "n/a");
    else if (ns < 1000)
        snprintf(buf, 32, "%*.2f", width, ns);
    else
        snprintf(buf, 32, "%*.0f", width, ns);
    return buf;
}

const char *report_ratio(char *buf, int width, double a, double b)
{
    if (isnan(a) || isnan(b) || b <= 0)
        snprintf(buf, 32, "%*s", width, "n/a");
    else
        snprintf(buf, 32, "%*.2fx", width - 1, a / b);
    return buf;
}

void report_target(const char *what, const char *value_desc, double value, double limit)
{
    target *t = &ledger[n_targets < MAX_TARGETS ? n_targets++ : MAX_TARGETS - 1];
    t->state = isnan(value) ? 2 : value <= limit ? 0 : 1;
    snprintf(t->line, sizeof t->line, "%-62s %s = %.2f (limit %.2f)", what, value_desc, value,
             limit);
    printf("  target: %-13s %s\n", state_name[t->state], t->line);
}

void report_summary(void)
{
    int count[3] = { 0, 0, 0 };
    printf("\n== Summary of targets ==\n");
    for (int i = 0; i < n_targets; i++) {
        printf("  %-13s %s\n", state_name[ledger[i].state], ledger[i].line);
        count[ledger[i].state]++;
    }
    printf("  %d MET, %d NOT MET, %d NOT MEASURED\n", count[0], count[1], count[2]);
}
