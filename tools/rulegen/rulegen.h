/* rulegen.h: refflow-rulegen, which writes rules/cpython.rules from
 * CPython's Doc/data/refcounts.dat plus the hand-kept rules/cpython_extra.txt.
 *
 * The generator keeps a table of generated rules in refcounts.dat order;
 * the extra table then patches, replaces, drops or appends entries. Every
 * entry remembers its origin for the "# source:" comment. The mapping from
 * refcounts.dat to rule tokens is documented in rules/README.md. All memory
 * is malloc'd and owned by the table; rulegen_table_free() releases it (the
 * tool also just exits). Errors are "file:line: reason" on stderr and make
 * the tool exit 2.
 */
#ifndef REFFLOW_RULEGEN_H
#define REFFLOW_RULEGEN_H

#include "rules.h"

#define RULEGEN_MAX_PARAMS 32

typedef struct gen_rule {
    char *name;
    rule_ret ret;
    int nparams;
    rule_param params[RULEGEN_MAX_PARAMS];
    rule_varargs varargs;
    int format_index;    /* -1 if none */
    uint32_t stores;     /* rule_fn.stores: bit i, argument i is "store" */
    uint32_t stores_on_success; /* rule_fn.stores_on_success */
    char source[160];    /* "refcounts.dat:LINE", "cpython_extra.txt:LINE", ... */
    char dat_source[64]; /* "refcounts.dat:LINE" if the entry came from there */
    bool dropped;        /* removed by a "drop" line of the extra table */
} gen_rule;

typedef struct gen_table {
    gen_rule **rules;    /* output order */
    int count, cap;
    char **header_lines; /* type / refcount-field lines, in extra-table order */
    int nheader, header_cap;
    char **trusted;      /* names of trusted lines, in extra-table order */
    int ntrusted, trusted_cap;
} gen_table;

/* Reads refcounts.dat at path into t (appending). Returns false after
 * printing "path:line: reason" on a line it cannot read. */
bool rulegen_read_dat(gen_table *t, const char *path);
/* Applies the extra table at path to t. Same error contract. */
bool rulegen_apply_extra(gen_table *t, const char *path);

/* The entry named name, or NULL (dropped entries included). */
gen_rule *rulegen_find(gen_table *t, const char *name);
/* A new zeroed entry named name appended to t (owned by t). */
gen_rule *rulegen_append(gen_table *t, const char *name);
/* Basename of path (a pointer into path). */
const char *rulegen_basename(const char *path);
/* Whole file as a malloc'd NUL-terminated string (caller frees), or NULL. */
char *rulegen_read_file(const char *path);
/* Writes t as a rule file. */
void rulegen_write(const gen_table *t, const char *dat_name, const char *extra_name, FILE *out);
void rulegen_table_free(gen_table *t);

#endif
