/* cmd_report.c: `refflow report [--db FILE] [-o DIR]`: reads the database
 * once and writes the HTML report into DIR (see report.h). The database
 * must exist (a missing one is not created); DIR is created if needed, and
 * finding pages of an earlier report in it are removed first so that none
 * goes stale. Exit status: 0 written, 2 usage error, unusable database or
 * unwritable directory. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"

typedef struct report_options {
    const char *db, *dir;
} report_options;

static void report_usage(FILE *out) {
    fputs("usage: refflow report [--db FILE] [-o DIR]\n"
          "\n"
          "Writes an HTML report of the database's current findings into DIR: index.html\n"
          "(counts, the findings table, sortable and filterable), one page per finding\n"
          "(source with the path marked, the function's graph) and types.html. The site\n"
          "is self-contained: open DIR/index.html from disk, no network needed.\n"
          "\n"
          "  --db FILE   the database refflow check wrote (default: refflow.db)\n"
          "  -o DIR      output directory, created if needed (default: refflow-report)\n"
          "  --help      this text\n",
          out);
}

/* 1 parsed, 0 --help, -1 error (printed). */
static int parse(int argc, char **argv, report_options *o) {
    *o = (report_options){"refflow.db", "refflow-report"};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = strcmp(a, "--db") == 0 ? &o->db : strcmp(a, "-o") == 0 ? &o->dir
                                                                                    : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
            return 0;
        if (!slot) {
            fprintf(stderr, "refflow report: unknown argument '%s'\n", a);
            return -1;
        }
        if (i + 1 >= argc || !argv[i + 1][0]) {
            fprintf(stderr, "refflow report: %s needs a value\n", a);
            return -1;
        }
        *slot = argv[++i];
    }
    return 1;
}

static bool make_dir(const char *dir, char *err, size_t errlen) {
    struct stat st;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        snprintf(err, errlen, "%s: cannot create the report directory: %s", dir,
                 strerror(errno));
        return false;
    }
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s: exists and is not a directory", dir);
        return false;
    }
    if (access(dir, W_OK | X_OK) != 0) {
        snprintf(err, errlen, "%s: cannot write into the report directory: %s", dir,
                 strerror(errno));
        return false;
    }
    return true;
}

/* Is name one of our finding pages: f<digits>-...html? */
static bool is_finding_page(const char *name) {
    size_t n = strlen(name), i = 1;
    if (name[0] != 'f' || n < 8 || strcmp(name + n - 5, ".html") != 0)
        return false;
    while (name[i] >= '0' && name[i] <= '9')
        i++;
    return i > 1 && name[i] == '-';
}

static void remove_old_pages(const char *dir) {
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[4096];
    while (d && (e = readdir(d)))
        if (is_finding_page(e->d_name)) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    if (d)
        closedir(d);
}

static bool write_pages(const report_ctx *c, char *err, size_t errlen) {
    bool ok = report_write_index(c, err, errlen) && report_write_types(c, err, errlen);
    for (int i = 0; ok && i < c->r->nfindings; i++)
        ok = report_write_finding(c, &c->r->findings[i], err, errlen);
    return ok;
}

static int write_report(store *db, const store_report *r, const char *dir) {
    char err[1024], common[4096];
    report_ctx c = {db, r, dir, NULL, 0, report_common_dir(r, common, sizeof common)};
    if (r->nruns > 0)
        c.latest = &r->runs[r->nruns - 1];
    if (r->nruns > 1)
        c.previous_run = r->runs[r->nruns - 2].id;
    if (!make_dir(dir, err, sizeof err)) {
        fprintf(stderr, "refflow: error: %s\n", err);
        return EXIT_USAGE;
    }
    remove_old_pages(dir);
    if (!write_pages(&c, err, sizeof err)) {
        fprintf(stderr, "refflow: error: %s\n", err);
        return EXIT_USAGE;
    }
    fprintf(stderr, "refflow: report of %d finding%s written to %s/index.html\n",
            r->nfindings, r->nfindings == 1 ? "" : "s", dir);
    return EXIT_CLEAN;
}

int cmd_report(int argc, char **argv) {
    report_options o;
    int p = parse(argc, argv, &o);
    if (p <= 0) {
        report_usage(p == 0 ? stdout : stderr);
        return p == 0 ? EXIT_CLEAN : EXIT_USAGE;
    }
    char err[1024];
    if (access(o.db, F_OK) != 0) {
        fprintf(stderr, "refflow: error: %s: no such database (refflow check --db %s creates "
                        "it)\n",
                o.db, o.db);
        return EXIT_USAGE;
    }
    store *db = store_open(o.db, NULL, err, sizeof err);
    if (!db) {
        fprintf(stderr, "refflow: error: %s\n", err);
        return EXIT_USAGE;
    }
    store_report r;
    int status = EXIT_USAGE;
    if (store_report_load(db, &r, err, sizeof err))
        status = write_report(db, &r, o.dir);
    else
        fprintf(stderr, "refflow: error: %s\n", err);
    store_report_free(&r);
    store_close(db);
    return status;
}
