/* compdb.c: loading compile_commands.json into entries and filtering them
 * (see compdb.h). JSON comes from json.c; argument cleaning from
 * compdb_args.c. All entry memory lives in the compdb's arena. */
#include "compdb.h"

#include "arena.h"
#include "input_file.h"
#include "json.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct compdb {
    arena mem;
    compdb_entry **entries;   /* arena-owned */
    int count;
};

/* Context for messages about one database file. */
typedef struct load_ctx {
    const char *path;
    char *err;
    size_t errlen;
    compdb *db;
} load_ctx;

__attribute__((format(printf, 3, 4)))
static bool entry_fail(const load_ctx *c, const json_value *at, const char *fmt, ...) {
    if (!c->err || !c->errlen)
        return false;
    int n = at ? snprintf(c->err, c->errlen, "%s:%d:%d: ", c->path, at->line, at->col)
               : snprintf(c->err, c->errlen, "%s: ", c->path);
    if (n < 0 || (size_t)n >= c->errlen)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}

/* Whole file as malloc'd bytes (caller frees), or NULL with *why set. */
static char *slurp(const char *path, size_t *len, const char **why) {
    FILE *f = input_open(path, "rb", why);
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n;
    char *buf = malloc(cap);
    *len = 0;
    while (buf && (n = fread(buf + *len, 1, cap - *len, f)) > 0) {
        *len += n;
        if (*len == cap) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    if (!buf)
        *why = strerror(ferror(f) ? EIO : ENOMEM);
    fclose(f);
    return buf;
}

/* A string member key of entry e (index i), or NULL after a message. */
static const char *need_string(const load_ctx *c, const json_value *e, int i, const char *key) {
    const json_value *v = json_get(e, key);
    if (!v)
        return entry_fail(c, e, "entry %d: missing \"%s\"", i + 1, key), NULL;
    if (v->kind != JSON_STRING)
        return entry_fail(c, v, "entry %d: \"%s\" must be a string, not %s", i + 1, key,
                          json_kind_name(v->kind)), NULL;
    return v->string;
}

/* The raw argv of entry e: from "arguments" or split from "command".
 * malloc'd array of malloc'd strings; NULL after a message. */
static char **raw_argv(const load_ctx *c, const json_value *e, int i, int *argc) {
    const json_value *args = json_get(e, "arguments");
    if (args && args->kind == JSON_ARRAY) {
        char **v = calloc((size_t)args->count + 1, sizeof *v);
        for (int k = 0; v && k < args->count; k++) {
            if (args->items[k]->kind != JSON_STRING) {
                entry_fail(c, args->items[k], "entry %d: \"arguments\" must hold strings", i + 1);
                for (int j = 0; j < k; j++)
                    free(v[j]);
                free(v);
                return NULL;
            }
            v[k] = strdup(args->items[k]->string);
        }
        *argc = args->count;
        return v;
    }
    if (args)
        return entry_fail(c, args, "entry %d: \"arguments\" must be an array", i + 1), NULL;
    const char *cmd = json_get(e, "command") ? need_string(c, e, i, "command") : NULL;
    if (!cmd && !json_get(e, "command"))
        entry_fail(c, e, "entry %d: missing \"arguments\" or \"command\"", i + 1);
    if (!cmd)
        return NULL;
    char msg[256];
    char **v = compdb_split_command(cmd, argc, msg, sizeof msg);
    if (!v)
        entry_fail(c, json_get(e, "command"), "entry %d: %s", i + 1, msg);
    return v;
}

static void free_argv(char **v, int n) {
    for (int k = 0; k < n; k++)
        free(v[k]);
    free(v);
}

/* Directory of the database file, for relative "directory" values. */
static char *db_dir(const char *path) {
    char cwd[PATH_MAX];
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path + (slash == path))) : strdup(".");
    if (dir[0] == '/' || !getcwd(cwd, sizeof cwd))
        return dir;
    char *abs = compdb_join_path(cwd, dir);
    free(dir);
    return abs;
}

static compdb_entry *make_entry(load_ctx *c, const char *dir, const char *file, char **argv,
                                int argc) {
    compdb_entry *en = ARENA_NEW(&c->db->mem, compdb_entry);
    char *dbdir = db_dir(c->path);
    char *absdir = compdb_join_path(dbdir, dir);
    char *absfile = compdb_join_path(absdir, file);
    int n;
    char **args = compdb_clean_args((const char *const *)argv, argc, absfile, absdir, &n);
    en->directory = arena_strdup(&c->db->mem, absdir);
    en->file = arena_strdup(&c->db->mem, absfile);
    en->args = ARENA_ARRAY(&c->db->mem, char *, n + 1);
    for (int k = 0; k < n; k++)
        en->args[k] = arena_strdup(&c->db->mem, args[k]);
    en->nargs = n;
    free_argv(args, n);
    free(absfile);
    free(absdir);
    free(dbdir);
    return en;
}

static compdb_entry *read_entry(load_ctx *c, const json_value *e, int i) {
    if (e->kind != JSON_OBJECT)
        return entry_fail(c, e, "entry %d: expected an object, got %s", i + 1,
                          json_kind_name(e->kind)), NULL;
    const char *dir = need_string(c, e, i, "directory");
    const char *file = dir ? need_string(c, e, i, "file") : NULL;
    int argc = 0;
    char **argv = file ? raw_argv(c, e, i, &argc) : NULL;
    if (!argv)
        return NULL;
    compdb_entry *en = make_entry(c, dir, file, argv, argc);
    free_argv(argv, argc);
    return en;
}

static bool read_entries(load_ctx *c, const json_value *root) {
    if (root->kind != JSON_ARRAY)
        return entry_fail(c, root, "expected a JSON array of compile commands, got %s",
                          json_kind_name(root->kind));
    c->db->entries = ARENA_ARRAY(&c->db->mem, compdb_entry *, root->count + 1);
    for (int i = 0; i < root->count; i++) {
        compdb_entry *en = read_entry(c, root->items[i], i);
        if (!en)
            return false;
        c->db->entries[c->db->count++] = en;
    }
    return true;
}

static compdb *load_text(load_ctx *c, const char *text, size_t len) {
    char msg[512];
    json_doc *doc = json_parse(text, len, msg, sizeof msg);
    if (!doc) {
        if (c->err && c->errlen) /* json says "LINE:COL: reason" */
            snprintf(c->err, c->errlen, "%s:%s", c->path, msg);
        return NULL;
    }
    c->db = calloc(1, sizeof *c->db);
    if (!c->db)
        abort();
    arena_init(&c->db->mem);
    bool ok = read_entries(c, json_root(doc));
    json_free(doc);
    if (!ok) {
        compdb_free(c->db);
        return NULL;
    }
    return c->db;
}

compdb *compdb_load_file(const char *path, char *err, size_t errlen) {
    load_ctx c = {.path = path, .err = err, .errlen = errlen};
    size_t len;
    const char *why = "";
    char *text = slurp(path, &len, &why);
    if (!text) {
        entry_fail(&c, NULL, "cannot read compilation database: %s", why);
        return NULL;
    }
    compdb *db = load_text(&c, text, len);
    free(text);
    return db;
}

compdb *compdb_load_text(const char *path, const char *text, size_t len, char *err,
                         size_t errlen) {
    load_ctx c = {.path = path, .err = err, .errlen = errlen};
    return load_text(&c, text, len);
}

compdb *compdb_load(const char *build_dir, char *err, size_t errlen) {
    size_t n = strlen(build_dir);
    char *path = malloc(n + sizeof "/compile_commands.json");
    if (!path)
        abort();
    sprintf(path, "%s%scompile_commands.json", build_dir,
            n && build_dir[n - 1] == '/' ? "" : "/");
    compdb *db = compdb_load_file(path, err, errlen);
    free(path);
    return db;
}

void compdb_free(compdb *db) {
    if (!db)
        return;
    arena_free(&db->mem);
    free(db);
}

int compdb_count(const compdb *db) {
    return db->count;
}

const compdb_entry *compdb_at(const compdb *db, int i) {
    return i >= 0 && i < db->count ? db->entries[i] : NULL;
}

/* Absolute, normalized form of a command-line path (malloc'd). */
static char *abs_from_cwd(const char *f) {
    char cwd[PATH_MAX];
    return compdb_join_path(f[0] == '/' || !getcwd(cwd, sizeof cwd) ? NULL : cwd, f);
}

/* The entries' paths with symlinks resolved, each computed once, when a
 * file is first compared with it not lexically equal (130 files given with
 * -p made 34,000 realpath calls otherwise). */
typedef struct real_paths {
    char **v;              /* per entry: malloc'd, or NULL before it is needed */
    bool *tried;
} real_paths;

static const char *entry_real(const compdb *db, real_paths *r, int i) {
    if (!r->tried[i]) {
        r->tried[i] = true;
        r->v[i] = realpath(db->entries[i]->file, NULL);
    }
    return r->v[i];
}

/* The entries kept, in order (grown as needed: a file may match several
 * entries, and an entry several files). */
typedef struct kept_list {
    compdb_entry **v;
    int n, cap;
} kept_list;

static void keep(kept_list *k, compdb_entry *e) {
    if (k->n == k->cap) {
        k->cap = k->cap ? 2 * k->cap : 64;
        if (!(k->v = realloc(k->v, sizeof *k->v * (size_t)k->cap)))
            abort();
    }
    k->v[k->n++] = e;
}

/* Appends db's entries for file (lexically the same path, or the same file
 * after symlinks) to kept; false if there are none. */
static bool keep_file(const compdb *db, real_paths *r, const char *file, kept_list *kept) {
    char *abs = abs_from_cwd(file), *real = NULL;
    bool real_tried = false;
    int before = kept->n;
    for (int i = 0; i < db->count; i++) {
        bool same = strcmp(db->entries[i]->file, abs) == 0;
        if (!same && !real_tried) {
            real = realpath(abs, NULL);
            real_tried = true;
        }
        const char *other = same || !real ? NULL : entry_real(db, r, i);
        if (same || (other && strcmp(other, real) == 0))
            keep(kept, db->entries[i]);
    }
    free(real);
    free(abs);
    return kept->n > before;
}

bool compdb_filter(compdb *db, const char *const *files, int nfiles, char *err, size_t errlen) {
    kept_list kept = {0};
    real_paths r = {calloc((size_t)db->count + 1, sizeof(char *)),
                    calloc((size_t)db->count + 1, sizeof(bool))};
    if (!r.v || !r.tried)
        abort();
    bool ok = true;
    for (int f = 0; f < nfiles && ok; f++) {
        ok = keep_file(db, &r, files[f], &kept);
        if (!ok && err && errlen)
            snprintf(err, errlen, "%s: not in the compilation database", files[f]);
    }
    for (int i = 0; i < db->count; i++)
        free(r.v[i]);
    free(r.v);
    free(r.tried);
    if (ok) {
        db->entries = ARENA_ARRAY(&db->mem, compdb_entry *, kept.n + 1);
        if (kept.n)
            memcpy(db->entries, kept.v, sizeof *kept.v * (size_t)kept.n);
        db->count = kept.n;
    }
    free(kept.v);
    return ok;
}
