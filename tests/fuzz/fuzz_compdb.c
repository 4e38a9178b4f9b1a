/* fuzz_compdb.c: libFuzzer target for the compile-database reader: the JSON
 * parser (json.c), the entry reader (compdb.c) and the command-line pieces
 * (compdb_args.c: shell-style splitting of "command", cleaning of the
 * arguments, path joining). Any input must load or be refused with a message
 * naming the database; every loaded entry must have an absolute file, a
 * directory and a NULL-terminated argument list. The first input byte picks
 * what is fed: the database (even) or one "command" string (odd). Built only
 * with -DREFFLOW_FUZZ=ON. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compdb.h"

#define NAME "/fuzz/build/compile_commands.json"

static void fail(const char *what) {
    fprintf(stderr, "fuzz_compdb: %s\n", what);
    abort();
}

static void check_db(const compdb *db) {
    for (int i = 0; i < compdb_count(db); i++) {
        const compdb_entry *e = compdb_at(db, i);
        if (!e || !e->file || e->file[0] != '/' || !e->directory || !e->args)
            fail("an entry without an absolute file, a directory or arguments");
        for (int k = 0; k < e->nargs; k++)
            if (!e->args[k])
                fail("a NULL argument inside the list");
        if (e->args[e->nargs])
            fail("argument list not NULL-terminated");
    }
}

static void fuzz_db(const char *text, size_t len) {
    char err[1024] = "";
    compdb *db = compdb_load_text(NAME, text, len, err, sizeof err);
    if (!db) {
        if (strncmp(err, NAME, strlen(NAME)) != 0)
            fail(err[0] ? err : "refused without a message");
        return;
    }
    check_db(db);
    compdb_free(db);
}

static void fuzz_command(const char *cmd) {
    char err[512] = "";
    int n = 0;
    char **argv = compdb_split_command(cmd, &n, err, sizeof err);
    if (!argv) {
        if (!err[0])
            fail("split refused without a message");
        return;
    }
    int nout = 0;
    char **clean = compdb_clean_args((const char *const *)argv, n, "/src/a.c", "/src", &nout);
    for (int i = 0; i < nout; i++) {
        char *p = compdb_join_path("/src/dir", clean[i]);
        free(p);
        free(clean[i]);
    }
    free(clean);
    for (int i = 0; i < n; i++)
        free(argv[i]);
    free(argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    char *text = malloc(size);
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    if (data[0] & 1)
        fuzz_command(text);
    else
        fuzz_db(text, size - 1);
    free(text);
    return 0;
}
