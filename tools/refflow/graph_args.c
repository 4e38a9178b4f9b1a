/* graph_args.c: parsing `refflow graph` options. The graph's own options
 * fill graph_options; the inputs of `refflow check` (FILE..., -p DIR,
 * --rules, -j, --checks, --max-paths, and everything after "--") are kept
 * in order for cmd_check, which runs first when any are given. Errors name
 * the offending option and return false (the caller exits with status 2). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "graph_cli.h"

void graph_usage(FILE *out) {
    fputs("usage: refflow graph --db PATH (--function NAME | --types | --calls) [OPTIONS]\n"
          "       refflow graph --db PATH (...) [OPTIONS] FILE... [-- COMPILER_ARGS...]\n"
          "       refflow graph --db PATH (...) [OPTIONS] -p BUILD_DIR [FILE...]\n"
          "\n"
          "Draws what `refflow check` stored in the database; given files or -p, it\n"
          "checks them into the database first (as refflow check --db PATH).\n"
          "\n"
          "  --function NAME      the reference flow through function NAME\n"
          "  --types              the type reference graph; cycles in red\n"
          "  --calls              the call graph with ownership contracts\n"
          "  -o FILE              write to FILE (format from its extension: .dot .gv .svg\n"
          "                       .png); default: DOT on stdout\n"
          "  --format dot|svg|png the output format\n"
          "  --db PATH            the database (default: refflow.db here)\n"
          "  --file SUFFIX        only what is in files whose path ends with SUFFIX\n"
          "                       (--function: chooses among functions of one name)\n"
          "  --function-filter P  --calls: functions matching P (comma-separated globs or\n"
          "                       substrings), with their callers and callees\n"
          "  --type-filter P      --types: types matching P, with their neighbours\n"
          "  --depth N            --calls --function NAME: only N calls away from NAME\n"
          "  --internal-only      --calls: leave out functions not defined in the database\n"
          "  --finding ID         --function: emphasise the path of finding ID\n"
          "  --link-prefix URL    node links are URL + FILE#LLINE (default: FILE#LLINE)\n"
          "  --max-nodes N        draw at most N nodes (default 200; -1: no limit); what\n"
          "                       is cut is said on stderr and in the picture\n"
          "  --rules NAME|PATH    --calls: the contracts of library functions (default: all\n"
          "                       built-in sets); also given to the check\n"
          "  -j, --checks, --max-paths, -p: as refflow check, when checking first\n"
          "\n"
          "Exit status: 0 graph written, 2 usage error, missing data or rendering failure.\n",
          out);
}

static const char **push(const char **v, int *n, const char *s) {
    const char **p = realloc(v, sizeof(char *) * (size_t)(*n + 2));
    if (!p)
        abort();
    p[(*n)++] = s;
    p[*n] = NULL;
    return p;
}

static bool set_mode(graph_options *o, graph_mode m, const char *opt) {
    if (o->mode != GRAPH_NONE && o->mode != m && !(o->mode == GRAPH_CALLS && m == GRAPH_FUNCTION) &&
        !(o->mode == GRAPH_FUNCTION && m == GRAPH_CALLS)) {
        fprintf(stderr, "refflow graph: %s: choose one of --function, --types, --calls\n", opt);
        return false;
    }
    if (o->mode == GRAPH_NONE || m == GRAPH_CALLS || m == GRAPH_TYPES)
        o->mode = m;
    return true;
}

/* Options of the check run that take a value. */
static bool is_check_value_option(const char *a) {
    static const char *const names[] = {"--rules", "-j", "--checks", "--max-paths", "-p", NULL};
    return cli_name_in(a, names);
}

static bool graph_value_option(const char *opt, const char *val, graph_options *o) {
    int n;
    if (strcmp(opt, "--function") == 0) {
        o->function = val;
        return set_mode(o, GRAPH_FUNCTION, opt);
    }
    if (strcmp(opt, "-o") == 0)
        o->output = val;
    else if (strcmp(opt, "--format") == 0)
        o->format = val;
    else if (strcmp(opt, "--db") == 0)
        o->db = val;
    else if (strcmp(opt, "--link-prefix") == 0)
        o->link_prefix = val;
    else if (strcmp(opt, "--file") == 0)
        o->g.file = val;
    else if (strcmp(opt, "--function-filter") == 0)
        o->g.function_filter = val;
    else if (strcmp(opt, "--type-filter") == 0)
        o->g.type_filter = val;
    else if (strcmp(opt, "--depth") == 0 && cli_parse_int(opt, val, 1, &n))
        o->g.depth = n;
    else if (strcmp(opt, "--max-nodes") == 0 && cli_parse_int(opt, val, -1, &n))
        o->g.max_nodes = n;
    else if (strcmp(opt, "--finding") == 0 && cli_parse_int(opt, val, 1, &n))
        o->g.finding_id = n;
    else
        return false; /* a bad number, already reported */
    return true;
}

static bool is_graph_value_option(const char *a) {
    static const char *const names[] = {"--function", "-o", "--format", "--db", "--link-prefix",
                                        "--file", "--function-filter", "--type-filter",
                                        "--depth", "--max-nodes", "--finding", NULL};
    return cli_name_in(a, names);
}

static bool flag_option(const char *a, graph_options *o) {
    if (strcmp(a, "--types") == 0)
        return set_mode(o, GRAPH_TYPES, a);
    if (strcmp(a, "--calls") == 0)
        return set_mode(o, GRAPH_CALLS, a);
    if (strcmp(a, "--internal-only") == 0) {
        o->g.internal_only = true;
        return true;
    }
    fprintf(stderr, "refflow graph: unknown option '%s' (refflow graph --help)\n", a);
    return false;
}

/* One argument at argv[*i]; advances *i past what it used. */
static bool parse_one(int argc, char **argv, int *i, graph_options *o) {
    const char *a = argv[*i];
    if (strcmp(a, "--") == 0) {
        for (; *i < argc; (*i)++)
            o->check_args = push(o->check_args, &o->ncheck_args, argv[*i]);
        o->check_inputs = true;
        return true;
    }
    bool graph_val = is_graph_value_option(a), check_val = is_check_value_option(a);
    if ((graph_val || check_val) && *i + 1 >= argc) {
        fprintf(stderr, "refflow graph: %s needs a value\n", a);
        return false;
    }
    if (graph_val) {
        (*i)++;
        return graph_value_option(a, argv[(*i)++], o);
    }
    if (check_val) {
        if (strcmp(a, "--rules") == 0)
            o->rules = push(o->rules, &o->nrules, argv[*i + 1]);
        o->check_args = push(o->check_args, &o->ncheck_args, argv[(*i)++]);
        o->check_args = push(o->check_args, &o->ncheck_args, argv[(*i)++]);
        o->check_inputs |= strcmp(a, "-p") == 0;
        return true;
    }
    (*i)++;
    if (a[0] == '-' && a[1])
        return flag_option(a, o);
    o->check_args = push(o->check_args, &o->ncheck_args, a);
    o->check_inputs = true;
    return true;
}

/* The format from --format, else from -o's extension, else DOT. */
static bool choose_format(graph_options *o) {
    static const char *const ext[][2] = {
        {".dot", "dot"}, {".gv", "dot"}, {".svg", "svg"}, {".png", "png"}};
    if (o->format)
        return true;
    const char *dot = o->output ? strrchr(o->output, '.') : NULL;
    for (size_t i = 0; dot && i < sizeof ext / sizeof ext[0]; i++)
        if (strcmp(dot, ext[i][0]) == 0)
            o->format = ext[i][1];
    if (!o->format && o->output) {
        fprintf(stderr,
                "refflow graph: cannot tell the format from '%s': use --format dot|svg|png "
                "or a .dot, .svg or .png file name\n",
                o->output);
        return false;
    }
    if (!o->format)
        o->format = "dot";
    return true;
}

bool graph_args_parse(int argc, char **argv, graph_options *o) {
    memset(o, 0, sizeof *o);
    o->db = "refflow.db";
    for (int i = 0; i < argc;) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            o->help = true;
            return true;
        }
        if (!parse_one(argc, argv, &i, o))
            return false;
    }
    if (o->mode == GRAPH_NONE) {
        fprintf(stderr, "refflow graph: say which graph: --function NAME, --types or --calls\n");
        return false;
    }
    if (o->mode == GRAPH_CALLS && o->function)
        o->g.center = o->function;
    if (o->g.depth && !o->g.center) {
        fprintf(stderr, "refflow graph: --depth needs --calls --function NAME (the center)\n");
        return false;
    }
    return choose_format(o);
}

void graph_args_free(graph_options *o) {
    free(o->check_args);
    free(o->rules);
    o->check_args = NULL;
    o->rules = NULL;
}
