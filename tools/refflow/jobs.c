/* jobs.c: building the list of translation units (see jobs.h). From the
 * command line, every FILE gets the arguments after "--". From -p, the
 * compile database's entries, restricted to the FILEs named if any. */
#include "jobs.h"

#include <stdlib.h>
#include <string.h>

#include "compdb.h"

static char *dup_or_null(const char *s) {
    return s ? strdup(s) : NULL;
}

static void set_args(tu_job *j, const char *const *args, int n) {
    j->args = calloc((size_t)n + 1, sizeof(char *));
    for (int i = 0; i < n; i++)
        j->args[i] = strdup(args[i]);
    j->nargs = n;
}

static bool from_files(const check_options *o, job_list *out) {
    out->items = calloc((size_t)o->nfiles + 1, sizeof(tu_job));
    for (int i = 0; i < o->nfiles; i++) {
        tu_job *j = &out->items[out->n++];
        j->file = strdup(o->files[i]);
        set_args(j, o->cc_args, o->ncc_args);
    }
    return true;
}

static bool from_compdb(const check_options *o, job_list *out) {
    char err[1024];
    compdb *db = compdb_load(o->build_dir, err, sizeof err);
    if (!db) {
        fprintf(stderr, "refflow: error: %s\n", err);
        return false;
    }
    if (o->nfiles && !compdb_filter(db, o->files, o->nfiles, err, sizeof err)) {
        fprintf(stderr, "refflow: error: %s\n", err);
        compdb_free(db);
        return false;
    }
    int n = compdb_count(db);
    out->items = calloc((size_t)n + 1, sizeof(tu_job));
    for (int i = 0; i < n; i++) {
        const compdb_entry *e = compdb_at(db, i);
        tu_job *j = &out->items[out->n++];
        j->file = strdup(e->file);
        j->directory = dup_or_null(e->directory);
        set_args(j, (const char *const *)e->args, e->nargs);
    }
    compdb_free(db);
    if (out->n == 0)
        fprintf(stderr, "refflow: error: %s/compile_commands.json has no entries to analyze\n",
                o->build_dir);
    return out->n > 0;
}

bool jobs_build(const check_options *o, job_list *out) {
    memset(out, 0, sizeof *out);
    return o->build_dir ? from_compdb(o, out) : from_files(o, out);
}

void jobs_free(job_list *l) {
    for (int i = 0; i < l->n; i++) {
        free(l->items[i].file);
        free(l->items[i].directory);
        for (int k = 0; k < l->items[i].nargs; k++)
            free(l->items[i].args[k]);
        free(l->items[i].args);
    }
    free(l->items);
    memset(l, 0, sizeof *l);
}
