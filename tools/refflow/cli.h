/* cli.h: the refflow command's parts. refflow.c dispatches subcommands;
 * check_args.c parses `refflow check` options; cmd_check.c runs the
 * analysis; report_*.c write findings. Exit codes are fixed by DESIGN.md. */
#ifndef REFFLOW_CLI_H
#define REFFLOW_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "checks.h"
#include "finding.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2 };

typedef enum out_format { FMT_TEXT, FMT_JSON, FMT_SARIF } out_format;

typedef struct check_options {
    const char **rules;        /* --rules values, in order */
    int nrules;
    out_format format;
    const char *output;        /* -o */
    const char *db;            /* --db */
    int jobs;                  /* -j */
    const char *baseline, *write_baseline;
    const char *source_root;   /* --source-root: base of SARIF URIs and fingerprints */
    bool list_suppressed;      /* --list-suppressed */
    check_set checks;
    bool verify;
    bool list_rules;
    bool quiet;                /* -q: no summary line */
    bool no_db;                /* --no-db: do not read or write the database */
    bool dump_ir;              /* --dump-ir: print each function's IR (debugging) */
    const char *build_dir;     /* -p */
    const char **files;
    int nfiles;
    const char **cc_args;      /* after -- */
    int ncc_args;
    int max_steps;             /* --max-paths */
    bool help;                 /* --help / -h: print check_usage, nothing else */
} check_options;

/* Parses argv (after "check"); on error prints a message and returns false.
 * The strings in *o point into argv; o owns only its arrays (check_args_free). */
bool check_args_parse(int argc, char **argv, check_options *o);
void check_args_free(check_options *o);
void check_usage(FILE *out);

int cmd_check(int argc, char **argv);
/* `refflow report`: the HTML report (report.h). */
int cmd_report(int argc, char **argv);
/* The rule sets named (built-in names or paths), or all built-in sets when
 * n is 0; NULL after printing a message. The caller frees the set. */
struct rule_set *cli_load_rules(const char *const *names, int n);

/* Parses s as a whole number >= min for option opt into *out; else prints
 * "refflow: OPT needs a whole number >= MIN, got 'S'" and returns false. */
bool cli_parse_int(const char *opt, const char *s, int min, int *out);
/* Is a one of the NULL-terminated names? */
bool cli_name_in(const char *a, const char *const *names);

void report_text(FILE *out, const finding_list *l);
void report_json(FILE *out, const finding_list *l);
/* Length of the valid UTF-8 sequence at s (1 to 4), or 0 if it is not one. */
int utf8_seq_len(const unsigned char *s);
/* s as a JSON string (NULL as ""); see json_write.c. */
void json_write_string(FILE *out, const char *s);
struct ci_findings;
/* SARIF 2.1.0 of cf's reported findings (and suppressed ones if asked). */
void report_sarif(FILE *out, const struct ci_findings *cf, bool with_suppressed);
/* "3 findings (leak: 2, over-release: 1)" to out. */
void report_summary(FILE *out, const finding_list *l, int files, int skipped);

#endif
