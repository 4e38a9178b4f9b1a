/* rulegen_dat.c: reads CPython's Doc/data/refcounts.dat into generated rules.
 *
 * Format (from the file's own header): "function:type:param:refcount:comment",
 * one block of lines per function, its first line (empty param) the return
 * value, then one line per parameter in order; refcount is +1, 0, -1, "null"
 * (always returns NULL) or blank (not an object). The mapping to rule tokens
 * (+1 return -> new?, 0 -> borrowed, -1 argument -> steal, ...) is in
 * rules/README.md; whatever the file does not say is the extra table's job.
 * Assumes each function's lines are contiguous (checked). */
#include "rulegen.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct dat_ctx {
    gen_table *t;
    const char *file;
    int line;
    gen_rule *cur;       /* block being read */
} dat_ctx;

static bool dat_fail(const dat_ctx *c, const char *what, const char *tok) {
    fprintf(stderr, "%s:%d: %s '%s'\n", c->file, c->line, what, tok);
    return false;
}

/* type with all blanks removed, into buf. */
static void squeeze(const char *type, char *buf, size_t size) {
    size_t n = 0;
    for (; *type && n + 1 < size; type++)
        if (!isspace((unsigned char)*type))
            buf[n++] = *type;
    buf[n] = '\0';
}

/* "PyObject", "TYPE", "Py...Object" (PyTypeObject, PyVarObject, ...). */
static bool is_object_name(const char *s, size_t len) {
    if ((len == 8 && strncmp(s, "PyObject", 8) == 0) || (len == 4 && strncmp(s, "TYPE", 4) == 0))
        return true;
    return len > 8 && strncmp(s, "Py", 2) == 0 && strncmp(s + len - 6, "Object", 6) == 0;
}

/* How many '*' follow an object type name (0 if it is not one). */
static int object_stars(const char *type) {
    char buf[128];
    squeeze(type, buf, sizeof buf);
    const char *s = strncmp(buf, "const", 5) == 0 ? buf + 5 : buf;
    size_t len = strcspn(s, "*");
    if (!is_object_name(s, len))
        return 0;
    int stars = 0;
    for (const char *p = s + len; *p; p++) {
        if (*p != '*')
            return 0; /* PyObject*const* and friends: arrays, not references */
        stars++;
    }
    return stars;
}

static bool map_ret(dat_ctx *c, const char *type, const char *effect) {
    gen_rule *r = c->cur;
    r->ret = RULE_RET_VALUE;
    if (object_stars(type) == 1 && strcmp(effect, "null") == 0) {
        r->ret = RULE_RET_NULL; /* "Return value: Always NULL." */
        return true;
    }
    if (object_stars(type) != 1 || !*effect)
        return true;
    if (strcmp(effect, "+1") == 0)
        r->ret = RULE_RET_NEW_OR_NULL; /* fallible by default: see rules/README.md */
    else if (strcmp(effect, "0") == 0)
        r->ret = RULE_RET_BORROWED;
    else
        return dat_fail(c, "unknown refcount for a return value", effect);
    return true;
}

static bool map_object_param(dat_ctx *c, int stars, const char *effect, rule_param *p) {
    if (stars == 1 && strcmp(effect, "-1") == 0)
        p->effect = RULE_ARG_STEAL;
    else if (stars == 1 && strcmp(effect, "+1") == 0)
        p->effect = RULE_ARG_KEEP; /* the callee keeps its own reference */
    else if (stars == 1)
        p->effect = RULE_ARG_BORROW; /* 0 or blank */
    else if (stars == 2 && strcmp(effect, "+1") == 0)
        p->effect = RULE_ARG_OUT_NEW;
    else if (stars == 2 && strcmp(effect, "0") == 0)
        p->effect = RULE_ARG_OUT_BORROWED;
    if (*effect && strcmp(effect, "0") && strcmp(effect, "+1") && strcmp(effect, "-1"))
        return dat_fail(c, "unknown refcount for a parameter", effect);
    return true;
}

static bool map_param(dat_ctx *c, const char *type, const char *name, const char *effect) {
    gen_rule *r = c->cur;
    if (strcmp(name, "...") == 0) {
        r->varargs = RULE_VA_BORROW;
        return true;
    }
    if (!*type && strcmp(name, "void") == 0)
        return true; /* "f::void::": no parameters */
    if (r->varargs != RULE_VA_NONE)
        return dat_fail(c, "parameter after '...'", name);
    if (r->nparams == RULEGEN_MAX_PARAMS)
        return dat_fail(c, "too many parameters at", name);
    rule_param *p = &r->params[r->nparams++];
    int stars = object_stars(type);
    if (stars == 0)
        return true; /* not an object: "-" */
    return map_object_param(c, stars, effect, p);
}

/* Starts the block of fields[0] at its return line. */
static bool start_block(dat_ctx *c, char **f) {
    if (rulegen_find(c->t, f[0]))
        return dat_fail(c, "second block for", f[0]);
    if (*f[2])
        return dat_fail(c, "block does not start with its return line; parameter", f[2]);
    c->cur = rulegen_append(c->t, f[0]);
    snprintf(c->cur->dat_source, sizeof c->cur->dat_source, "%s:%d",
             rulegen_basename(c->file), c->line);
    strcpy(c->cur->source, c->cur->dat_source);
    return map_ret(c, f[1], f[3]);
}

/* Splits s at its first four ':' into f[0..4] (trimmed). */
static bool split_fields(char *s, char **f) {
    for (int i = 0; i < 5; i++) {
        f[i] = s;
        char *colon = i < 4 ? strchr(s, ':') : NULL;
        if (i < 4 && !colon)
            return false;
        if (colon) {
            *colon = '\0';
            s = colon + 1;
        }
        while (isspace((unsigned char)*f[i]))
            f[i]++;
        char *e = f[i] + strlen(f[i]);
        while (e > f[i] && isspace((unsigned char)e[-1]))
            *--e = '\0';
    }
    return true;
}

static bool dat_line(dat_ctx *c, char *s) {
    if (*s == '#' || strspn(s, " \t\r") == strlen(s))
        return true;
    char *f[5];
    if (!split_fields(s, f))
        return dat_fail(c, "expected function:type:param:refcount:comment, got", s);
    if (!c->cur || strcmp(c->cur->name, f[0]) != 0)
        return start_block(c, f);
    if (!*f[2])
        return dat_fail(c, "second return line for", f[0]);
    return map_param(c, f[1], f[2], f[3]);
}

bool rulegen_read_dat(gen_table *t, const char *path) {
    char *text = rulegen_read_file(path);
    if (!text) {
        fprintf(stderr, "%s: cannot read refcounts.dat\n", path);
        return false;
    }
    dat_ctx c = {.t = t, .file = path};
    bool ok = true;
    char *save = NULL;
    c.line = 0;
    for (char *s = text; ok && s; s = save) {
        save = strchr(s, '\n');
        if (save)
            *save++ = '\0';
        c.line++;
        ok = dat_line(&c, s);
    }
    free(text);
    return ok;
}
