/* compdb.h: reading a clang compilation database (compile_commands.json).
 *
 * Each entry becomes {file, directory, args}: file is absolute (resolved
 * against the entry's "directory" and normalized: no "." or ".." parts),
 * args are the compiler arguments libclang needs, taken from "arguments" or
 * split from "command" with POSIX-shell quoting, without the compiler (nor a
 * ccache/distcc-style wrapper before it), without -c, -o FILE, dependency
 * output flags (-MD, -MF FILE, ...) and the source file itself, and without
 * the GCC-only flags clang rejects (the table is in compdb_args.c). Relative
 * paths inside args (-I, -include, ...) are kept as written: the caller parses
 * each entry with the entry's directory as the working directory.
 *
 * Errors name the file: "build/compile_commands.json: cannot read: ...",
 * "build/compile_commands.json:4:17: expected ',' or '}' in object",
 * "build/compile_commands.json: entry 3: missing \"file\"".
 *
 * Ownership: a compdb owns its entries and all their strings; compdb_free()
 * releases them. Entry pointers stay valid until compdb_free (compdb_filter
 * reorders the list but does not free entries).
 */
#ifndef REFFLOW_COMPDB_H
#define REFFLOW_COMPDB_H

#include <stdbool.h>
#include <stddef.h>

typedef struct compdb_entry {
    char *file;        /* absolute, normalized */
    char *directory;   /* absolute, as in the database */
    char **args;       /* NULL-terminated */
    int nargs;
} compdb_entry;

typedef struct compdb compdb;

/* Reads BUILD_DIR/compile_commands.json. NULL with a message in err on any
 * error. The caller owns the result (compdb_free). */
compdb *compdb_load(const char *build_dir, char *err, size_t errlen);
/* Same, from a database file at path. */
compdb *compdb_load_file(const char *path, char *err, size_t errlen);
/* Same, from the database's text (len bytes, need not be NUL-terminated);
 * path names it in messages and is the base of relative "directory"s. */
compdb *compdb_load_text(const char *path, const char *text, size_t len, char *err,
                         size_t errlen);
void compdb_free(compdb *db);

int compdb_count(const compdb *db);
/* Entry i (0-based), owned by db; NULL out of range. */
const compdb_entry *compdb_at(const compdb *db, int i);

/* Keeps only the entries whose file is one of files (paths relative to the
 * current directory or absolute; compared after normalization), in the
 * order of files. A file with no entry is an error naming it. */
bool compdb_filter(compdb *db, const char *const *files, int nfiles, char *err, size_t errlen);

/* --- the pieces, exported for tests and for the command line --- */

/* Splits a shell command line into words ('...', "...", backslash escapes).
 * Returns a malloc'd NULL-terminated array of malloc'd strings, *n words
 * (the caller frees each and the array), or NULL with err on an unterminated
 * quote. */
char **compdb_split_command(const char *cmd, int *n, char *err, size_t errlen);
/* Is arg a GCC-only flag that refflow drops (see compdb_args.c's table)? */
bool compdb_is_dropped_flag(const char *arg);
/* The compiler arguments of argv[0..argc) for an entry whose source file is
 * file_abs, with what compdb.h's header says is dropped removed. Returns a
 * malloc'd NULL-terminated array of malloc'd copies, *nout of them. */
char **compdb_clean_args(const char *const *argv, int argc, const char *file_abs,
                         const char *dir, int *nout);
/* dir/path normalized ("." and ".." resolved lexically, no symlinks), or
 * path alone if it is absolute. malloc'd; the caller frees. */
char *compdb_join_path(const char *dir, const char *path);

#endif
