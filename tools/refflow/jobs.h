/* jobs.h: the translation units of one `refflow check` run, from the
 * command line (FILE... -- ARGS) or from a compile database (-p). A job
 * list owns its strings. */
#ifndef REFFLOW_JOBS_H
#define REFFLOW_JOBS_H

#include <stdbool.h>

#include "cli.h"

typedef struct tu_job {
    char *file;            /* as given / as in the compile database */
    char *directory;       /* working directory, or NULL */
    char **args;           /* compiler arguments without the file */
    int nargs;
} tu_job;

typedef struct job_list {
    tu_job *items;
    int n;
} job_list;

/* Builds the jobs; on error prints why and returns false. */
bool jobs_build(const check_options *o, job_list *out);
void jobs_free(job_list *l);

#endif
