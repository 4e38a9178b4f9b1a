/* report_source.h: the source lines a finding page shows. The file is read
 * from disk when the report is written, so it may no longer be the file
 * that was analyzed: src_load compares its content hash with the one the
 * database recorded (store_hash64, as in the files table) and says so when
 * it is missing, unreadable or different; the page then shows no lines
 * rather than wrong ones.
 *
 * Ownership: a src_file owns its text and line table (src_free). */
#ifndef REFFLOW_REPORT_SOURCE_H
#define REFFLOW_REPORT_SOURCE_H

#include <stddef.h>

typedef enum src_state {
    SRC_OK,          /* read, and its hash matches the analyzed file's */
    SRC_UNVERIFIED,  /* read, but the database has no hash to compare with */
    SRC_MISSING,     /* no such file any more (or no path recorded) */
    SRC_UNREADABLE,  /* exists but cannot be read (a directory, permissions) */
    SRC_CHANGED,     /* read, but its content is not what was analyzed */
} src_state;

typedef struct src_file {
    src_state state;
    char why[512];       /* for people: what is wrong, naming the path; "" when SRC_OK */
    char *text;          /* the whole file, NUL-terminated (it may hold NULs too) */
    size_t len;
    size_t *starts;      /* starts[i]: offset of line i+1; starts[nlines] == len */
    int nlines;
} src_file;

/* Reads path and checks it against hash (16 hex digits, or NULL when not
 * recorded). text is NULL unless state is SRC_OK or SRC_UNVERIFIED. */
void src_load(src_file *sf, const char *path, const char *hash);
void src_free(src_file *sf);
/* Line n (1-based) without its line terminator: *len bytes at the result. */
const char *src_line(const src_file *sf, int n, size_t *len);
/* The lines [*first, *last] of the function whose name is on line def: from
 * its return type (a line or two above, when the type stands alone) to the
 * brace that closes its body; comments, strings and character constants
 * are skipped while matching braces. Without a matching brace, to the end
 * of the file. */
void src_function_range(const src_file *sf, int def, int *first, int *last);

#endif
