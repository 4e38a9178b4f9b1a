/* ir_dump_main.c: the ir-dump test driver. Runs the front end on one file and
 * prints ir_dump of every function defined in it, in source order, each
 * followed by a blank line; parse warnings go to stdout first, so a golden
 * file records them too.
 *
 * usage: ir-dump [--load] [--rules PATH]... [--directory DIR] FILE [-- COMPILER_ARGS...]
 * --load: through fe_load instead, the IR that `refflow check` keeps between
 * its passes (compacted, ir_compact; the lowering's arenas already dropped),
 * printed in source order too: the output must not change.
 * Without --rules it knows the object types PyObject/_object/rf_object and the
 * refcount fields ob_refcnt/rf_refcnt (enough for the golden cases).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frontend.h"
#include "rules.h"

static const char default_rules[] =
    "type PyObject\n"
    "type _object\n"
    "type rf_object\n"
    "refcount-field ob_refcnt\n"
    "refcount-field rf_refcnt\n";

static void print_function(ir_function *f, void *ctx) {
    ir_dump(f, stdout);
    fputc('\n', stdout);
}

static int by_position(const void *a, const void *b) {
    const ir_function *f = *(ir_function *const *)a, *g = *(ir_function *const *)b;
    if (f->loc.line != g->loc.line)
        return f->loc.line < g->loc.line ? -1 : 1;
    return (f->loc.col > g->loc.col) - (f->loc.col < g->loc.col);
}

/* fe_load's functions (callees first), printed in source order. */
static bool print_loaded(const fe_options *opt, fe_result *res) {
    fe_unit *u = fe_load(opt, res);
    if (!u)
        return false;
    int n = fe_unit_count(u);
    ir_function **v = malloc(sizeof *v * (size_t)(n + 1));
    for (int k = 0; k < n; k++)
        v[k] = fe_unit_function(u, k);
    qsort(v, (size_t)n, sizeof *v, by_position);
    for (int k = 0; k < n; k++)
        print_function(v[k], NULL);
    free(v);
    fe_unit_free(u);
    return true;
}

static int usage(void) {
    fprintf(stderr, "usage: ir-dump [--load] [--rules PATH]... [--directory DIR] FILE [-- COMPILER_ARGS...]\n");
    return 2;
}

static bool load_rules(rule_set *rs, int argc, char **argv, int *i, bool *loaded) {
    char err[512];
    if (!rules_load_file(rs, argv[++*i], err, sizeof err)) {
        fprintf(stderr, "ir-dump: %s\n", err);
        return false;
    }
    *loaded = true;
    return true;
}

int main(int argc, char **argv) {
    rule_set *rs = rules_new();
    fe_options opt = {.diag = stdout, .keep_going = true};
    bool loaded = false, load = false;
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--load") == 0) {
            load = true;
        } else if (strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
            if (!load_rules(rs, argc, argv, &i, &loaded))
                return 2;
        } else if (strcmp(argv[i], "--directory") == 0 && i + 1 < argc) {
            opt.directory = argv[++i];
        } else if (!opt.file && argv[i][0] != '-') {
            opt.file = argv[i];
        } else {
            return usage();
        }
    }
    if (!opt.file)
        return usage();
    char err[512];
    if (!loaded && !rules_parse(rs, "<ir-dump>", default_rules, err, sizeof err)) {
        fprintf(stderr, "ir-dump: %s\n", err);
        return 2;
    }
    if (i < argc) {
        opt.args = (const char *const *)argv + i + 1;
        opt.nargs = argc - i - 1;
    }
    opt.rules = rs;
    fe_result res;
    bool ok = load ? print_loaded(&opt, &res) : fe_run(&opt, print_function, NULL, &res);
    if (!ok)
        fprintf(stderr, "ir-dump: %s\n", res.message);
    fe_result_free(&res);
    rules_free(rs);
    return ok ? 0 : 2;
}
