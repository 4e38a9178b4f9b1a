/* fuzz_check_args.c: libFuzzer target for the command lines of `refflow
 * check` and `refflow graph`: check_args.c (with the --checks list,
 * check_set_parse, and the numbers, cli_parse_int), graph_args.c, and the
 * job list built from FILE... -- ARGS (jobs.c). The input is the argument
 * vector, arguments separated by NUL bytes (at most MAX_ARGS); the first
 * byte picks the command: even `check`, odd `graph` (whose arguments for the
 * check are then parsed as cmd_graph passes them on).
 *
 * What must hold, whatever the arguments:
 *  - a refusal is a message on stderr starting "refflow" (captured per
 *    input), never a crash, an exit or a silent false;
 *  - an accepted command line has inputs (FILE, -p, --list-rules, or
 *    --help), -j >= 1, only known checks enabled, every string pointing
 *    into argv, the compiler arguments exactly those after the first "--",
 *    and no FILE that looks like an option;
 *  - the job list from FILEs has one job per FILE with those arguments.
 * A -p build directory is not read here (compile databases have their own
 * target, fuzz_compdb). Built only with -DREFFLOW_FUZZ=ON. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "graph_cli.h"
#include "jobs.h"

#define MAX_ARGS 256

/* The checks' event callbacks: the registry (check_registry.c) names them,
 * the parsers never call them, and the engine is not linked in. */
#define NOT_CALLED(name)                                                                 \
    void name(struct check_ctx *ctx, const check_event *ev) {                            \
        (void)ctx;                                                                       \
        (void)ev;                                                                        \
        abort();                                                                         \
    }
NOT_CALLED(check_leak_event)
NOT_CALLED(check_over_release_event)
NOT_CALLED(check_use_after_release_event)
NOT_CALLED(check_borrowed_return_event)
NOT_CALLED(check_null_deref_event)
NOT_CALLED(check_cycle_created_event)

static void fail(const char *what) {
    fprintf(stderr, "fuzz_check_args: %s\n", what);
    abort();
}

/* The input's arguments: copied into one block, split at NUL bytes. */
typedef struct args {
    char *block;
    size_t size;
    char *v[MAX_ARGS + 1];
    int n;
} args;

static void split(args *a, const uint8_t *data, size_t size) {
    a->block = malloc(size + 1);
    memcpy(a->block, data, size);
    a->block[size] = '\0';
    a->size = size + 1;
    a->n = 0;
    for (char *p = a->block; p < a->block + a->size && a->n < MAX_ARGS; p += strlen(p) + 1)
        a->v[a->n++] = p;
    a->v[a->n] = NULL;
}

static void in_argv(const args *a, const char *s) {
    if (s && (s < a->block || s >= a->block + a->size))
        fail("an option's value does not point into argv");
}

/* stderr into a buffer for one call, to see that refusals say why. */
typedef struct capture {
    FILE *saved;
    char *text;
    size_t len;
} capture;

static void capture_begin(capture *c) {
    c->text = NULL;
    c->len = 0;
    c->saved = stderr;
    stderr = open_memstream(&c->text, &c->len);
    if (!stderr)
        stderr = c->saved;
}

static void capture_end(capture *c) {
    if (stderr != c->saved)
        fclose(stderr);
    stderr = c->saved;
}

static void check_refusal(const capture *c) {
    if (!c->text || strncmp(c->text, "refflow", 7) != 0)
        fail("a command line refused without a message");
}

static void check_accepted(const args *a, const check_options *o, char **argv, int argc) {
    if (o->help)
        return;
    if (!o->list_rules && o->nfiles == 0 && !o->build_dir)
        fail("accepted without inputs");
    if (o->jobs < 1 || o->max_steps < 0 || (unsigned)o->format > FMT_SARIF)
        fail("-j, --max-paths or --format out of range");
    for (int i = checks_count(); i < (int)(sizeof o->checks.enabled); i++)
        if (o->checks.enabled[i])
            fail("a check enabled that does not exist");
    for (int i = 0; i < o->nfiles; i++) {
        in_argv(a, o->files[i]);
        if (o->files[i][0] == '-' && o->files[i][1])
            fail("an option taken as a FILE");
    }
    for (int i = 0; i < o->nrules; i++)
        in_argv(a, o->rules[i]);
    const char *vals[] = {o->output, o->db, o->baseline, o->write_baseline, o->source_root,
                          o->build_dir};
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
        in_argv(a, vals[i]);
    if (o->cc_args && (o->cc_args + o->ncc_args != (const char **)argv + argc ||
                       strcmp(o->cc_args[-1], "--") != 0))
        fail("the compiler arguments are not those after \"--\"");
}

static void check_jobs(const check_options *o) {
    job_list jobs;
    capture c;
    capture_begin(&c);
    bool ok = jobs_build(o, &jobs);
    capture_end(&c);
    free(c.text);
    if (!ok || jobs.n != o->nfiles)
        fail("not one job per FILE");
    for (int i = 0; i < jobs.n; i++) {
        const tu_job *j = &jobs.items[i];
        if (strcmp(j->file, o->files[i]) != 0 || j->nargs != o->ncc_args || j->args[j->nargs])
            fail("a job's file or arguments differ from the command line");
        for (int k = 0; k < j->nargs; k++)
            if (strcmp(j->args[k], o->cc_args[k]) != 0)
                fail("a job's argument differs from the command line");
    }
    jobs_free(&jobs);
}

/* `refflow check ARGS`, as cmd_check parses them. */
static void fuzz_check(const args *a, char **argv, int argc) {
    check_options o;
    capture c;
    capture_begin(&c);
    bool ok = check_args_parse(argc, argv, &o);
    capture_end(&c);
    if (!ok)
        check_refusal(&c);
    free(c.text);
    if (ok) {
        check_accepted(a, &o, argv, argc);
        if (!o.help && !o.build_dir)
            check_jobs(&o);
    }
    check_args_free(&o);
}

/* `refflow graph ARGS`; then its arguments for the check. */
static void fuzz_graph(const args *a) {
    graph_options o;
    capture c;
    capture_begin(&c);
    bool ok = graph_args_parse(a->n, (char **)a->v, &o);
    capture_end(&c);
    if (!ok)
        check_refusal(&c);
    free(c.text);
    if (ok && o.check_inputs && !o.help) {
        for (int i = 0; i < o.ncheck_args; i++)
            in_argv(a, o.check_args[i]);
        fuzz_check(a, (char **)o.check_args, o.ncheck_args);
    }
    graph_args_free(&o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    args a;
    split(&a, data + 1, size - 1);
    if (data[0] & 1)
        fuzz_graph(&a);
    else
        fuzz_check(&a, a.v, a.n);
    free(a.block);
    return 0;
}
