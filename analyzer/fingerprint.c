/* fingerprint.c: finding fingerprints, path relativization and the source
 * line cache (see fingerprint.h for what is hashed and why). */
#include "fingerprint.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void *xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) {
        fprintf(stderr, "refflow: out of memory\n");
        abort();
    }
    return p;
}

static char *xstrdup(const char *s) {
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

uint64_t fp_hash(uint64_t h, const void *p, size_t n) {
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= FP_FNV_PRIME;
    }
    return h;
}

uint64_t fp_hash_field(uint64_t h, const char *s) {
    s = s ? s : "";
    return fp_hash(h, s, strlen(s) + 1);
}

static int is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

size_t fp_normalize_line(const char *line, size_t n, char *out, size_t cap) {
    size_t o = 0;
    int pending = 0; /* a blank run seen after some text */
    for (size_t i = 0; i < n && cap > 0; i++) {
        if (is_blank(line[i])) {
            pending = o > 0;
            continue;
        }
        if (pending && o + 1 < cap)
            out[o++] = ' ';
        pending = 0;
        if (o + 1 < cap)
            out[o++] = line[i];
    }
    if (cap > 0)
        out[o] = '\0';
    return o;
}

char *fp_format(uint64_t fp, char *buf) {
    snprintf(buf, FP_HEX_LEN + 1, "%016" PRIx64, fp);
    return buf;
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool fp_parse(const char *s, uint64_t *out) {
    uint64_t v = 0;
    for (int i = 0; i < FP_HEX_LEN; i++) {
        int d = hex_digit(s[i]);
        if (d < 0)
            return false;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return true;
}

/* --- paths --- */

/* Removes ".", ".." and empty components of the absolute path p, in place. */
static void normalize_abs(char *p) {
    char *out = p; /* p[0] == '/' */
    const char *in = p;
    size_t o = 0;
    while (*in) {
        while (*in == '/')
            in++;
        const char *c = in;
        while (*in && *in != '/')
            in++;
        size_t len = (size_t)(in - c);
        if (len == 0 || (len == 1 && c[0] == '.'))
            continue;
        if (len == 2 && c[0] == '.' && c[1] == '.') {
            while (o > 0 && out[o - 1] != '/')
                o--;
            if (o > 0)
                o--;
            continue;
        }
        out[o++] = '/';
        memmove(out + o, c, len);
        o += len;
    }
    if (o == 0)
        out[o++] = '/';
    out[o] = '\0';
}

/* An absolute canonical form of path: realpath if it exists, else the path
 * made absolute and normalized lexically. The caller frees it. */
static char *absolute(const char *path) {
    char *r = realpath(path, NULL);
    if (r)
        return r;
    char *cwd = path[0] == '/' ? NULL : getcwd(NULL, 0);
    size_t n = strlen(path) + (cwd ? strlen(cwd) : 0) + 3;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s", cwd ? cwd : "", path);
    free(cwd);
    normalize_abs(p);
    return p;
}

char *fp_relpath(const char *path, const char *root) {
    char *abs = absolute(path && *path ? path : ".");
    char *base = absolute(root && *root ? root : ".");
    size_t n = strlen(base);
    char *rel;
    if (n == 1) /* root is "/" */
        rel = xstrdup(abs + 1);
    else if (strncmp(abs, base, n) == 0 && abs[n] == '/')
        rel = xstrdup(abs + n + 1);
    else
        rel = xstrdup(abs);
    free(abs);
    free(base);
    return rel;
}

/* --- the source cache --- */

typedef struct src_file {
    char *path;
    char *text;          /* whole file, NULL when unreadable */
    size_t *start;       /* start offset of each line, plus one past the end */
    int nlines;
    struct src_file *next;
} src_file;

#define SRC_BUCKETS 256

struct fp_sources {
    src_file *bucket[SRC_BUCKETS];
    src_file *last;      /* the file looked up last (callers go file by file) */
};

fp_sources *fp_sources_new(void) {
    fp_sources *s = xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    return s;
}

void fp_sources_free(fp_sources *s) {
    if (!s)
        return;
    for (int b = 0; b < SRC_BUCKETS; b++)
        for (src_file *f = s->bucket[b], *next; f; f = next) {
            next = f->next;
            free(f->path);
            free(f->text);
            free(f->start);
            free(f);
        }
    free(s);
}

/* Reads the whole file into a buffer of its size (one copy: an unchanged
 * re-run spends much of its time here); NULL if it cannot be read. *len
 * gets its size. */
static char *read_all(const char *path, size_t *len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return NULL;
    size_t cap = fstat(fd, &st) == 0 && st.st_size > 0 ? (size_t)st.st_size + 1 : 8192, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n == cap && !(buf = realloc(buf, cap *= 2)))
            abort(); /* the file grew */
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            close(fd);
            if (got == 0) {
                *len = n;
                return buf;
            }
            free(buf);
            return NULL;
        }
        n += (size_t)got;
    }
}

static void split_lines(src_file *f, size_t len) {
    int cap = 64;
    f->start = xmalloc(sizeof(size_t) * (size_t)cap);
    f->nlines = 0;
    size_t at = 0;
    while (at < len) {
        if (f->nlines + 1 >= cap)
            f->start = realloc(f->start, sizeof(size_t) * (size_t)(cap *= 2));
        if (!f->start)
            abort();
        f->start[f->nlines++] = at;
        const char *nl = memchr(f->text + at, '\n', len - at);
        at = nl ? (size_t)(nl - f->text) + 1 : len;
    }
    f->start[f->nlines] = len;
}

static src_file *lookup(fp_sources *s, const char *path) {
    if (s->last && strcmp(s->last->path, path) == 0)
        return s->last;
    unsigned b = (unsigned)(fp_hash_field(FP_FNV_OFFSET, path) % SRC_BUCKETS);
    for (src_file *f = s->bucket[b]; f; f = f->next)
        if (strcmp(f->path, path) == 0)
            return s->last = f;
    src_file *f = xmalloc(sizeof *f);
    memset(f, 0, sizeof *f);
    f->path = xstrdup(path);
    size_t len = 0;
    f->text = read_all(path, &len);
    if (f->text)
        split_lines(f, len);
    f->next = s->bucket[b];
    s->bucket[b] = f;
    return s->last = f;
}

int fp_source_nlines(fp_sources *s, const char *path) {
    src_file *f = lookup(s, path);
    return f->text ? f->nlines : -1;
}

const char *fp_source_line(fp_sources *s, const char *path, unsigned line, size_t *len) {
    src_file *f = lookup(s, path);
    if (!f->text || line == 0 || line > (unsigned)f->nlines)
        return NULL;
    size_t a = f->start[line - 1], e = f->start[line];
    while (e > a && (f->text[e - 1] == '\n' || f->text[e - 1] == '\r'))
        e--;
    *len = e - a;
    return f->text + a;
}

const char *fp_source_text(fp_sources *s, const char *path, size_t *len) {
    src_file *f = lookup(s, path);
    *len = f->text ? f->start[f->nlines] : 0;
    return f->text;
}

unsigned fp_source_line_at(fp_sources *s, const char *path, size_t at) {
    src_file *f = lookup(s, path);
    if (!f->text || at >= f->start[f->nlines])
        return 0;
    int lo = 0, hi = f->nlines - 1; /* the last line starting at or before at */
    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if (f->start[mid] <= at)
            lo = mid;
        else
            hi = mid - 1;
    }
    return (unsigned)lo + 1;
}

/* --- fingerprints --- */

/* The hash of everything but the occurrence index. */
static uint64_t tuple_hash(const finding *f, const char *rel, fp_sources *src) {
    size_t n = 0;
    const char *line = f->loc.file ? fp_source_line(src, f->loc.file, f->loc.line, &n) : NULL;
    char *norm = xmalloc(n + 1);
    fp_normalize_line(line ? line : "", line ? n : 0, norm, n + 1);
    uint64_t h = fp_hash_field(FP_FNV_OFFSET, "refflow-fp-v1");
    h = fp_hash_field(h, f->check);
    h = fp_hash_field(h, rel);
    h = fp_hash_field(h, f->function);
    h = fp_hash_field(h, f->symbol);
    h = fp_hash_field(h, norm);
    free(norm);
    return h;
}

static int same_file(const finding *a, const finding *b) {
    const char *x = a->loc.file ? a->loc.file : "", *y = b->loc.file ? b->loc.file : "";
    return strcmp(x, y) == 0;
}

/* Fingerprints of the run of findings [i, end) of one file. Two findings
 * count as the same tuple when their tuple hashes are equal. */
static void compute_file(const finding_list *l, int i, int end, fp_sources *src,
                         const char *root, uint64_t *out) {
    char *rel = fp_relpath(l->items[i].loc.file, root);
    for (int k = i; k < end; k++)
        out[k] = tuple_hash(&l->items[k], rel, src);
    for (int k = end - 1; k >= i; k--) { /* backwards: out[j < k] still hold tuple hashes */
        int occ = 0;
        for (int j = i; j < k; j++)
            occ += out[j] == out[k];
        char num[16];
        int len = snprintf(num, sizeof num, "%d", occ);
        out[k] = fp_hash(out[k], num, (size_t)len);
    }
    free(rel);
}

void fp_compute(const finding_list *l, fp_sources *src, const char *root, uint64_t *out) {
    for (int i = 0, end; i < l->n; i = end) {
        for (end = i + 1; end < l->n && same_file(&l->items[i], &l->items[end]);)
            end++;
        compute_file(l, i, end, src, root, out);
    }
}
