/* report_source.c: reading a finding's source file for its page, checking
 * that it is still the analyzed file, and finding a function's lines (see
 * report_source.h). */
#include "report_source.h"

#include <errno.h>
#include <stdbool.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store.h"

static char *read_file(const char *path, size_t *len, int *error) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        *error = errno;
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0)
        if ((n += got) == cap && !(buf = realloc(buf, (cap *= 2) + 1)))
            break;
    if (!buf)
        abort();
    *error = ferror(f) ? (errno ? errno : EIO) : 0;
    fclose(f);
    if (*error) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void index_lines(src_file *sf) {
    int cap = 256;
    sf->starts = malloc(sizeof *sf->starts * (size_t)cap);
    sf->nlines = 0;
    size_t at = 0;
    while (sf->starts) {
        if (sf->nlines + 1 >= cap && !(sf->starts = realloc(sf->starts, sizeof *sf->starts *
                                                                        (size_t)(cap *= 2))))
            break;
        if (at >= sf->len)
            break;
        sf->starts[sf->nlines++] = at;
        const char *nl = memchr(sf->text + at, '\n', sf->len - at);
        at = nl ? (size_t)(nl - sf->text) + 1 : sf->len;
    }
    if (!sf->starts)
        abort();
    sf->starts[sf->nlines] = sf->len;
}

void src_load(src_file *sf, const char *path, const char *hash) {
    memset(sf, 0, sizeof *sf);
    struct stat st;
    int error = 0;
    if (!path || stat(path, &st) != 0) {
        sf->state = SRC_MISSING;
        snprintf(sf->why, sizeof sf->why, "%s: the file is not there any more",
                 path ? path : "(no path recorded)");
        return;
    }
    if (!S_ISREG(st.st_mode) || !(sf->text = read_file(path, &sf->len, &error))) {
        sf->state = SRC_UNREADABLE;
        snprintf(sf->why, sizeof sf->why, "%s: cannot read it: %s", path,
                 error ? strerror(error) : "not a regular file");
        return;
    }
    char now[17];
    snprintf(now, sizeof now, "%016" PRIx64, store_hash64(sf->text, sf->len, 0));
    if (hash && strcmp(now, hash) != 0) {
        sf->state = SRC_CHANGED;
        snprintf(sf->why, sizeof sf->why,
                 "%s: the file changed since it was analyzed, so its lines are not shown; run "
                 "refflow check again to see them here",
                 path);
        free(sf->text);
        sf->text = NULL;
        return;
    }
    if (!hash) {
        sf->state = SRC_UNVERIFIED;
        snprintf(sf->why, sizeof sf->why,
                 "%s: the database has no content hash for this file, so these lines may not "
                 "be the ones that were analyzed",
                 path);
    }
    index_lines(sf);
}

void src_free(src_file *sf) {
    free(sf->text);
    free(sf->starts);
    memset(sf, 0, sizeof *sf);
}

const char *src_line(const src_file *sf, int n, size_t *len) {
    if (n < 1 || n > sf->nlines) {
        *len = 0;
        return "";
    }
    size_t a = sf->starts[n - 1], b = sf->starts[n];
    while (b > a && (sf->text[b - 1] == '\n' || sf->text[b - 1] == '\r'))
        b--;
    *len = b - a;
    return sf->text + a;
}

/* --- the function's extent ---------------------------------------------- */

typedef enum lex { L_CODE, L_LINE_COMMENT, L_BLOCK_COMMENT, L_STRING, L_CHAR } lex;

/* Advances the lexer state over the character at p; returns the brace
 * depth change it makes in code (+1, -1 or 0). */
static int lex_step(lex *s, const char *p, const char *end) {
    char c = *p, next = p + 1 < end ? p[1] : '\0';
    switch (*s) {
    case L_CODE:
        if (c == '/' && next == '/')
            *s = L_LINE_COMMENT;
        else if (c == '/' && next == '*')
            *s = L_BLOCK_COMMENT;
        else if (c == '"')
            *s = L_STRING;
        else if (c == '\'')
            *s = L_CHAR;
        return c == '{' ? 1 : c == '}' ? -1 : 0;
    case L_LINE_COMMENT:
        if (c == '\n')
            *s = L_CODE;
        return 0;
    case L_BLOCK_COMMENT:
        if (c == '*' && next == '/')
            *s = L_CODE;
        return 0;
    case L_STRING:
    case L_CHAR:
        if (c == (*s == L_STRING ? '"' : '\'') || c == '\n')
            *s = L_CODE;
        return 0;
    }
    return 0;
}

/* The offset just after the character at p in the lexer: skips the second
 * character of a two-character token (an escape, a comment's close). */
static size_t lex_width(lex before, lex after, const char *p, const char *end) {
    if ((before == L_STRING || before == L_CHAR) && *p == '\\' && p + 1 < end)
        return 2;
    if (before == L_BLOCK_COMMENT && after == L_CODE)
        return 2;
    if (before == L_CODE && (after == L_LINE_COMMENT || after == L_BLOCK_COMMENT))
        return 2;
    return 1;
}

static int line_of(const src_file *sf, size_t off) {
    int lo = 0, hi = sf->nlines; /* starts[lo] <= off < starts[hi] */
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        if (sf->starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo + 1;
}

/* The line of the brace closing the first body opened at or after offset
 * from, or the last line. */
static int body_end(const src_file *sf, size_t from) {
    const char *p = sf->text + from, *end = sf->text + sf->len;
    lex s = L_CODE;
    int depth = 0;
    bool opened = false;
    while (p < end) {
        lex before = s;
        int d = lex_step(&s, p, end);
        depth += d;
        opened = opened || d > 0;
        if (opened && depth == 0)
            return line_of(sf, (size_t)(p - sf->text));
        p += lex_width(before, s, p, end);
    }
    return sf->nlines;
}

/* Does line n look like the start of the definition: a return type alone
 * on its line ("static PyObject *")? */
static bool is_type_line(const src_file *sf, int n) {
    size_t len;
    const char *s = src_line(sf, n, &len);
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (len == 0 || s[0] == '#' || s[0] == ' ' || s[0] == '\t' || s[0] == '/' || s[0] == '*')
        return false;
    char last = s[len - 1];
    return last != ';' && last != '}' && last != '{' && last != '/' && last != ')' &&
           last != ',' && last != '\\';
}

void src_function_range(const src_file *sf, int def, int *first, int *last) {
    if (def < 1 || def > sf->nlines) {
        *first = *last = 0;
        return;
    }
    int top = def;
    while (top > 1 && def - top < 2 && is_type_line(sf, top - 1))
        top--;
    *first = top;
    *last = body_end(sf, sf->starts[def - 1]);
}
