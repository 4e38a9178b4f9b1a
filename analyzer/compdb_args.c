/* compdb_args.c: turning one compile command into the arguments libclang
 * gets: shell-style splitting of "command", path joining, and dropping what
 * is not a compiler option for parsing (compiler, wrapper, -c, -o, -M*,
 * the source) or what clang rejects (GCC-only flags, table below). Assumes
 * POSIX paths. */
#include "compdb.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* GCC-only flags clang 19 rejects ("unknown argument", "unsupported option")
 * or warns about on every file. Checked with /usr/lib/llvm-19/bin/clang;
 * flags clang 19 accepts are kept (-fstack-clash-protection, -fcf-protection,
 * -fno-delete-null-pointer-checks, -mfunction-return=...). A pattern ending
 * in '*' matches any flag that starts with the rest. */
static const char *const dropped_flags[] = {
    /* optimizer internals */
    "-ftree-*", "-fno-tree-*", "-fipa-*", "-fno-ipa-*",
    "-fconserve-stack", "-fno-conserve-stack",
    "-fallow-store-data-races", "-fno-allow-store-data-races",
    "-flifetime-dse*", "-fno-lifetime-dse", "-fcode-hoisting", "-fno-code-hoisting",
    "-freorder-blocks-and-partition", "-fno-reorder-blocks-and-partition",
    "-fsched-pressure", "-fno-sched-pressure", "-fno-printf-return-value",
    "-fmin-function-alignment=*", "-fharden-*", "-fopt-info*",
    /* debug info and diagnostics */
    "-fvar-tracking", "-fno-var-tracking", "-fvar-tracking-assignments",
    "-fno-var-tracking-assignments", "-ftrack-macro-expansion*",
    /* x86 code generation (Linux kernel flags) */
    "-mno-fp-ret-in-387", "-mindirect-branch=*", "-mindirect-branch-register",
    "-mrecord-mcount", "-mpreferred-stack-boundary=*", "-mskip-rax-setup",
    /* sanitizer and plugin plumbing */
    "-fasan-shadow-offset=*", "-fplugin=*", "-fplugin-arg-*", "-specs=*",
    /* warnings clang does not know (an error under -Werror) */
    "-Wpacked-not-aligned", "-Wno-packed-not-aligned",
    "-Wmaybe-uninitialized", "-Wno-maybe-uninitialized",
    "-Wimplicit-fallthrough=*", "-Wstringop-*", "-Wno-stringop-*",
    "-Walloc-size-larger-than=*", "-Wno-alloc-size-larger-than",
    "-Wrestrict", "-Wno-restrict", "-Wformat-overflow=*", "-Wformat-truncation=*",
    "-Wclass-memaccess", "-Wno-class-memaccess", "-Wdangling-pointer*",
    "-Wno-dangling-pointer*", "-Wno-array-bounds=*",
    NULL,
};

bool compdb_is_dropped_flag(const char *arg) {
    for (int i = 0; dropped_flags[i]; i++) {
        const char *pat = dropped_flags[i];
        size_t n = strlen(pat);
        if (pat[n - 1] == '*' ? strncmp(arg, pat, n - 1) == 0 : strcmp(arg, pat) == 0)
            return true;
    }
    return false;
}

/* ---- shell-style splitting ---- */

typedef struct words {
    char **v;
    int n, cap;
    char *cur;          /* word being built */
    size_t len, curcap;
    bool in_word;
} words;

static void put_char(words *w, char c) {
    if (w->len + 1 >= w->curcap) {
        w->curcap = w->curcap ? w->curcap * 2 : 64;
        w->cur = realloc(w->cur, w->curcap);
        if (!w->cur)
            abort();
    }
    w->cur[w->len++] = c;
    w->in_word = true;
}

static void end_word(words *w) {
    if (!w->in_word)
        return;
    if (w->n + 2 > w->cap) {
        w->cap = w->cap ? w->cap * 2 : 16;
        w->v = realloc(w->v, sizeof *w->v * (size_t)w->cap);
        if (!w->v)
            abort();
    }
    w->v[w->n] = malloc(w->len + 1);
    if (!w->v[w->n])
        abort();
    memcpy(w->v[w->n], w->cur ? w->cur : "", w->len);
    w->v[w->n++][w->len] = '\0';
    w->len = 0;
    w->in_word = false;
}

/* Inside "...": backslash escapes only $ ` " \ and newline. */
static const char *double_quoted(words *w, const char *p) {
    for (; *p && *p != '"'; p++) {
        if (*p == '\\' && p[1] && strchr("$`\"\\\n", p[1]))
            p++;
        put_char(w, *p);
    }
    return *p ? p : NULL;
}

static const char *single_quoted(words *w, const char *p) {
    for (; *p && *p != '\''; p++)
        put_char(w, *p);
    return *p ? p : NULL;
}

static void free_words(words *w) {
    for (int i = 0; i < w->n; i++)
        free(w->v[i]);
    free(w->v);
    free(w->cur);
}

char **compdb_split_command(const char *cmd, int *n, char *err, size_t errlen) {
    words w = {0};
    for (const char *p = cmd; p && *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            end_word(&w);
        } else if (*p == '\\' && p[1]) {
            put_char(&w, *++p);
        } else if (*p == '"' || *p == '\'') {
            char q = *p;
            w.in_word = true;
            p = q == '"' ? double_quoted(&w, p + 1) : single_quoted(&w, p + 1);
            if (!p) {
                snprintf(err, errlen, "unterminated %c quote in \"command\"", q);
                free_words(&w);
                return NULL;
            }
        } else {
            put_char(&w, *p);
        }
    }
    end_word(&w);
    free(w.cur);
    if (!w.v && !(w.v = calloc(1, sizeof *w.v)))
        abort();
    w.v[w.n] = NULL;
    *n = w.n;
    return w.v;
}

/* ---- paths ---- */

/* Removes "." and resolves ".." in the absolute path p, in place. */
static void normalize(char *p) {
    char *out = p, *in = p;
    while (*in) {
        while (*in == '/')
            in++;
        char *seg = in;
        while (*in && *in != '/')
            in++;
        size_t len = (size_t)(in - seg);
        if (len == 0 || (len == 1 && seg[0] == '.'))
            continue;
        if (len == 2 && seg[0] == '.' && seg[1] == '.') {
            while (out > p && *--out != '/')
                ;
            continue;
        }
        *out++ = '/';
        memmove(out, seg, len);
        out += len;
    }
    if (out == p)
        *out++ = '/';
    *out = '\0';
}

char *compdb_join_path(const char *dir, const char *path) {
    size_t dl = path[0] == '/' || !dir ? 0 : strlen(dir);
    char *s = malloc(dl + strlen(path) + 2);
    if (!s)
        abort();
    if (dl)
        sprintf(s, "%s/%s", dir, path);
    else
        strcpy(s, path);
    if (s[0] == '/')
        normalize(s);
    return s;
}

/* ---- cleaning one argv ---- */

/* Launchers that run the real compiler given as their first argument. */
static bool is_wrapper(const char *arg) {
    const char *base = strrchr(arg, '/');
    base = base ? base + 1 : arg;
    return strcmp(base, "ccache") == 0 || strcmp(base, "distcc") == 0 ||
           strcmp(base, "sccache") == 0 || strcmp(base, "icecc") == 0;
}

/* Flags dropped together with the argument that follows them. */
static bool drops_next(const char *a) {
    return strcmp(a, "-o") == 0 || strcmp(a, "-MF") == 0 || strcmp(a, "-MT") == 0 ||
           strcmp(a, "-MQ") == 0;
}

static bool drops_self(const char *a) {
    static const char *const flags[] = {"-c", "-M", "-MM", "-MD", "-MMD", "-MP", "-MG", NULL};
    for (int i = 0; flags[i]; i++)
        if (strcmp(a, flags[i]) == 0)
            return true;
    if (strncmp(a, "-o", 2) == 0 || strncmp(a, "-MF", 3) == 0 || strncmp(a, "-MT", 3) == 0 ||
        strncmp(a, "-MQ", 3) == 0)
        return true; /* joined forms: -ofile, -MFfile */
    return compdb_is_dropped_flag(a);
}

static bool is_source(const char *a, const char *file_abs, const char *dir) {
    if (a[0] == '-')
        return false;
    char *abs = compdb_join_path(dir, a);
    bool same = strcmp(abs, file_abs) == 0;
    free(abs);
    return same;
}

char **compdb_clean_args(const char *const *argv, int argc, const char *file_abs,
                         const char *dir, int *nout) {
    char **out = calloc((size_t)argc + 1, sizeof *out);
    if (!out)
        abort();
    int i = 0, n = 0;
    while (i < argc && is_wrapper(argv[i]))
        i++;
    for (i++; i < argc; i++) {
        const char *a = argv[i];
        if (drops_next(a))
            i++;
        else if (!drops_self(a) && !is_source(a, file_abs, dir) && !(out[n++] = strdup(a)))
            abort();
    }
    *nout = n;
    return out;
}
