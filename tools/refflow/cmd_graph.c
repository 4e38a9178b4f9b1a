/* cmd_graph.c: `refflow graph`: checks the given inputs into the database
 * first when there are any (cmd_check, the same code as `refflow check`),
 * then reads the database, builds the asked graph and writes it as DOT,
 * SVG or PNG. What the size limit or the filters cut is said on stderr
 * (and in the picture). Nodes link to "FILE#LLINE" (with --link-prefix
 * before it), so an SVG opened in a browser jumps to the source. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "graph_cli.h"
#include "rules.h"
#include "store.h"

/* Runs `refflow check --db DB -q -o /dev/null ARGS...`; its findings are
 * in the database afterwards. */
static bool check_first(const graph_options *o) {
    const char *head[] = {"--db", o->db, "-q", "-o", "/dev/null"};
    int nhead = (int)(sizeof head / sizeof head[0]), n = nhead + o->ncheck_args;
    char **argv = calloc((size_t)n + 1, sizeof *argv);
    if (!argv)
        abort();
    for (int i = 0; i < nhead; i++)
        argv[i] = (char *)head[i];
    for (int i = 0; i < o->ncheck_args; i++)
        argv[nhead + i] = (char *)o->check_args[i];
    int rc = cmd_check(n, argv);
    free(argv);
    if (rc == EXIT_USAGE)
        fprintf(stderr, "refflow graph: the check of the given files failed (see above)\n");
    return rc != EXIT_USAGE;
}

/* A missing or empty file is not opened (store_open would create one). */
static bool db_present(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr,
                "refflow graph: %s: no such database; run refflow check --db %s first (or give "
                "the files to check)\n",
                path, path);
        return false;
    }
    if (st.st_size == 0) {
        fprintf(stderr, "refflow graph: %s: the database is empty; run refflow check --db %s "
                        "first\n",
                path, path);
        return false;
    }
    return true;
}

typedef struct link_ctx {
    const char *prefix;
    char buf[4096];
} link_ctx;

static const char *link_to(void *ctx, const char *file, int line) {
    link_ctx *l = ctx;
    snprintf(l->buf, sizeof l->buf, "%s%s#L%d", l->prefix ? l->prefix : "", file, line);
    return l->buf;
}

static rgraph *build(store *s, const graph_options *o, char *err, size_t errlen) {
    if (o->mode == GRAPH_FUNCTION)
        return rgraph_function(s, o->function, &o->g, err, errlen);
    if (o->mode == GRAPH_TYPES)
        return rgraph_types(s, &o->g, err, errlen);
    return rgraph_calls(s, &o->g, err, errlen);
}

static bool write_out(const graph_options *o, const char *data, size_t len) {
    if (!o->output && strcmp(o->format, "png") == 0 && isatty(STDOUT_FILENO)) {
        fprintf(stderr, "refflow graph: not writing PNG to a terminal: use -o FILE.png\n");
        return false;
    }
    FILE *out = o->output ? fopen(o->output, "wb") : stdout;
    if (!out) {
        fprintf(stderr, "refflow graph: cannot write %s\n", o->output);
        return false;
    }
    bool ok = fwrite(data, 1, len, out) == len;
    ok = (out == stdout ? fflush(out) == 0 : fclose(out) == 0) && ok;
    if (!ok)
        fprintf(stderr, "refflow graph: writing %s failed\n", o->output ? o->output : "stdout");
    return ok;
}

static int draw(graph_options *o) {
    char err[2048];
    rule_set *rules = NULL;
    if (o->mode == GRAPH_CALLS && !(rules = cli_load_rules(o->rules, o->nrules)))
        return EXIT_USAGE;
    o->g.rules = rules;
    store *s = store_open(o->db, NULL, err, sizeof err);
    if (!s) {
        fprintf(stderr, "refflow graph: %s\n", err);
        rules_free(rules);
        return EXIT_USAGE;
    }
    rgraph *g = build(s, o, err, sizeof err);
    char *data = NULL;
    size_t len = 0;
    bool ok = g && rgraph_render(g, o->format, &data, &len, err, sizeof err);
    if (!ok)
        fprintf(stderr, "refflow graph: %s\n", err);
    if (ok && rgraph_notice(g))
        fprintf(stderr, "refflow graph: %s\n", rgraph_notice(g));
    ok = ok && write_out(o, data, len);
    free(data);
    rgraph_free(g);
    store_close(s);
    rules_free(rules);
    return ok ? EXIT_CLEAN : EXIT_USAGE;
}

int cmd_graph(int argc, char **argv) {
    graph_options o;
    link_ctx link = {0};
    int status = EXIT_USAGE;
    if (!graph_args_parse(argc, argv, &o)) {
        graph_args_free(&o);
        return EXIT_USAGE;
    }
    o.g.link = link_to;
    o.g.link_ctx = &link;
    link.prefix = o.link_prefix;
    if (o.help) {
        graph_usage(stdout);
        status = EXIT_CLEAN;
    } else if (!rgraph_format_known(o.format)) {
        fprintf(stderr, "refflow graph: unknown --format '%s' (dot, svg, png)\n", o.format);
    } else if ((!o.check_inputs || check_first(&o)) && db_present(o.db)) {
        status = draw(&o);
    }
    graph_args_free(&o);
    return status;
}
