/* refflow.c: the refflow command: dispatches subcommands (check, graph,
 * report) and answers --version and --help. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "frontend.h"
#include "graph_cli.h"

#ifndef REFFLOW_VERSION
#define REFFLOW_VERSION "0.0.0"
#endif

static void usage(FILE *out) {
    fputs("usage: refflow <command> [options]\n"
          "\n"
          "commands:\n"
          "  check    analyze C files for reference-counting errors (refflow check --help)\n"
          "  graph    draw reference graphs: a function's flow, types, calls (refflow graph --help)\n"
          "  report   write an HTML report from the database (refflow report --help)\n"
          "\n"
          "  --version   print the version of refflow and of libclang\n"
          "  --help      this text\n",
          out);
}

static int version(void) {
    char *clang = fe_clang_version();
    printf("refflow %s\n%s\n", REFFLOW_VERSION, clang ? clang : "libclang: unknown version");
    free(clang);
    return EXIT_CLEAN;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0)
        return version();
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage(stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    if (strcmp(cmd, "graph") == 0)
        return cmd_graph(argc - 2, argv + 2);
    if (strcmp(cmd, "report") == 0)
        return cmd_report(argc - 2, argv + 2);
    fprintf(stderr, "refflow: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_USAGE;
}
