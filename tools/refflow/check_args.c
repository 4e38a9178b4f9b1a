/* check_args.c: parsing `refflow check` options (names fixed by DESIGN.md).
 * Everything after "--" is passed to the compiler for every FILE. Errors
 * name the offending option and return false; nothing is half-applied that
 * matters, because the caller exits with status 2. It never exits itself
 * (--help sets o->help): tests/fuzz/fuzz_check_args.c runs it in-process. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void check_usage(FILE *out) {
    fputs("usage: refflow check [OPTIONS] FILE... [-- COMPILER_ARGS...]\n"
          "       refflow check [OPTIONS] -p BUILD_DIR [FILE...]\n"
          "\n"
          "  --rules NAME|PATH    rule set to load (repeatable; built-in: rf, cpython);\n"
          "                       default: all built-in sets\n"
          "  --list-rules         print the loaded rules with their sources and exit\n"
          "  --format text|json|sarif  output format (default text)\n"
          "  -o FILE              write findings to FILE instead of stdout\n"
          "  --baseline FILE      report only findings not in the baseline FILE\n"
          "  --write-baseline FILE  write every current finding to FILE as a baseline\n"
          "  --source-root DIR    base of SARIF URIs and fingerprints (default: .)\n"
          "  --list-suppressed    also print the findings refflow-ignore comments suppress\n"
          "  -j N                 analyze N translation units in parallel\n"
          "  --checks LIST        enable/disable checks: \"-*,leak,over-release\"\n"
          "  --verify             compare findings with the files' `expect:` comments\n"
          "  --max-paths N        per-function budget of block visits (default 100000)\n"
          "  --db PATH            the SQLite database (default: refflow.db here); units whose\n"
          "                       files did not change are not parsed again\n"
          "  --no-db              do not read or write a database (--verify never does)\n"
          "  -q                   no summary line (nor progress display) on stderr\n"
          "  --dump-ir            print each function's IR before analyzing it\n"
          "  -p BUILD_DIR         read BUILD_DIR/compile_commands.json\n"
          "\n"
          "Exit status: 0 no (new) findings, 1 findings, 2 usage error or nothing analyzable.\n",
          out);
}

static const char **grow(const char **v, int n) {
    const char **p = realloc(v, sizeof(char *) * (size_t)(n + 1));
    if (!p)
        abort();
    return p;
}

static bool parse_format(const char *s, check_options *o) {
    if (strcmp(s, "text") == 0)
        o->format = FMT_TEXT;
    else if (strcmp(s, "json") == 0)
        o->format = FMT_JSON;
    else if (strcmp(s, "sarif") == 0)
        o->format = FMT_SARIF;
    else {
        fprintf(stderr, "refflow: unknown --format '%s' (text, json, sarif)\n", s);
        return false;
    }
    return true;
}

bool cli_parse_int(const char *opt, const char *s, int min, int *out) {
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < min || v > 1000000000) {
        fprintf(stderr, "refflow: %s needs a whole number >= %d, got '%s'\n", opt, min, s);
        return false;
    }
    *out = (int)v;
    return true;
}

/* Handles one option that takes a value; false on error. */
static bool value_option(const char *opt, const char *val, check_options *o) {
    char err[256];
    if (strcmp(opt, "--rules") == 0) {
        o->rules = grow(o->rules, o->nrules);
        o->rules[o->nrules++] = val;
    } else if (strcmp(opt, "--format") == 0)
        return parse_format(val, o);
    else if (strcmp(opt, "-o") == 0)
        o->output = val;
    else if (strcmp(opt, "--db") == 0)
        o->db = val;
    else if (strcmp(opt, "-j") == 0)
        return cli_parse_int("-j", val, 1, &o->jobs);
    else if (strcmp(opt, "--max-paths") == 0)
        return cli_parse_int("--max-paths", val, 1, &o->max_steps);
    else if (strcmp(opt, "--baseline") == 0)
        o->baseline = val;
    else if (strcmp(opt, "--write-baseline") == 0)
        o->write_baseline = val;
    else if (strcmp(opt, "--source-root") == 0)
        o->source_root = val;
    else if (strcmp(opt, "-p") == 0)
        o->build_dir = val;
    else if (strcmp(opt, "--checks") == 0) {
        if (!check_set_parse(&o->checks, val, err, sizeof err)) {
            fprintf(stderr, "refflow: %s\n", err);
            return false;
        }
    }
    return true;
}

bool cli_name_in(const char *a, const char *const *names) {
    for (int i = 0; names[i]; i++)
        if (strcmp(a, names[i]) == 0)
            return true;
    return false;
}

static bool takes_value(const char *a) {
    static const char *const with_value[] = {"--rules", "--format", "-o", "--db", "-j",
                                             "--baseline", "--write-baseline", "-p",
                                             "--checks", "--max-paths", "--source-root",
                                             NULL};
    return cli_name_in(a, with_value);
}

static bool flag_option(const char *a, check_options *o) {
    if (strcmp(a, "--verify") == 0)
        o->verify = true;
    else if (strcmp(a, "--list-rules") == 0)
        o->list_rules = true;
    else if (strcmp(a, "-q") == 0)
        o->quiet = true;
    else if (strcmp(a, "--list-suppressed") == 0)
        o->list_suppressed = true;
    else if (strcmp(a, "--dump-ir") == 0)
        o->dump_ir = true;
    else if (strcmp(a, "--no-db") == 0)
        o->no_db = true;
    else
        return false;
    return true;
}

/* Splits "--opt=value" into opt and value (the value points into a). */
static const char *split_eq(const char *a, char *opt, size_t len) {
    const char *eq = strchr(a, '=');
    if (!eq || a[1] != '-' || (size_t)(eq - a) >= len)
        return NULL;
    snprintf(opt, len, "%.*s", (int)(eq - a), a);
    return eq + 1;
}

static bool one_arg(int argc, char **argv, int *i, check_options *o) {
    const char *a = argv[*i];
    char opt[64];
    const char *val = split_eq(a, opt, sizeof opt);
    if (val && takes_value(opt))
        return value_option(opt, val, o);
    if (takes_value(a)) {
        if (*i + 1 >= argc) {
            fprintf(stderr, "refflow: option %s needs a value\n", a);
            return false;
        }
        return value_option(a, argv[++*i], o);
    }
    if (flag_option(a, o))
        return true;
    if (strncmp(a, "-j", 2) == 0 && a[2]) /* -j4 */
        return value_option("-j", a + 2, o);
    if (a[0] == '-' && a[1]) {
        fprintf(stderr, "refflow: unknown option '%s' (see refflow check --help)\n", a);
        return false;
    }
    o->files = grow(o->files, o->nfiles);
    o->files[o->nfiles++] = a;
    return true;
}

bool check_args_parse(int argc, char **argv, check_options *o) {
    memset(o, 0, sizeof *o);
    o->jobs = 1;
    check_set_all(&o->checks);
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            o->cc_args = (const char **)argv + i + 1;
            o->ncc_args = argc - i - 1;
            break;
        }
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            o->help = true; /* the caller prints the usage */
            return true;
        }
        if (!one_arg(argc, argv, &i, o))
            return false;
    }
    if (!o->list_rules && o->nfiles == 0 && !o->build_dir) {
        fprintf(stderr, "refflow: no input files (give FILE... or -p BUILD_DIR)\n");
        return false;
    }
    return true;
}

void check_args_free(check_options *o) {
    free(o->rules);
    free(o->files);
}
