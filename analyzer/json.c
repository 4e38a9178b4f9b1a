/* json.c: recursive-descent JSON reader (see json.h). The reader keeps a
 * cursor with line/column; every error goes through fail(), which records
 * the first message and makes every later step a no-op, so the parse
 * unwinds without further checks. Assumes input fits in memory. */
#include "json.h"

#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct json_doc {
    arena mem;
    json_value *root;
};

typedef struct reader {
    const char *p, *end;
    int line, col;
    int depth;
    bool failed;
    arena *mem;
    char *err;
    size_t errlen;
} reader;

/* A growable list of values (and keys) while an array/object is read. */
typedef struct vlist {
    json_value **items;
    const char **keys;
    int count, cap;
} vlist;

__attribute__((format(printf, 2, 3)))
static json_value *fail(reader *r, const char *fmt, ...) {
    if (r->failed)
        return NULL;
    r->failed = true;
    if (!r->err || !r->errlen)
        return NULL;
    int n = snprintf(r->err, r->errlen, "%d:%d: ", r->line, r->col);
    if (n < 0 || (size_t)n >= r->errlen)
        return NULL;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
    va_end(ap);
    return NULL;
}

static int peek(const reader *r) {
    return r->p < r->end ? (unsigned char)*r->p : -1;
}

static void advance(reader *r) {
    if (r->p >= r->end)
        return;
    if (*r->p == '\n') {
        r->line++;
        r->col = 1;
    } else {
        r->col++;
    }
    r->p++;
}

static void skip_blanks(reader *r) {
    for (int c = peek(r); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek(r))
        advance(r);
}

/* Describes the character at the cursor for messages. */
static const char *what_is_here(const reader *r, char *buf, size_t size) {
    int c = peek(r);
    if (c < 0)
        return "end of input";
    if (c >= 0x20 && c < 0x7f)
        snprintf(buf, size, "'%c'", c);
    else
        snprintf(buf, size, "byte 0x%02x", c);
    return buf;
}

static json_value *new_value(reader *r, json_kind k, int line, int col) {
    json_value *v = ARENA_NEW(r->mem, json_value);
    v->kind = k;
    v->line = line;
    v->col = col;
    return v;
}

static json_value *parse_value(reader *r);

/* ---- literals and numbers ---- */

static json_value *parse_word(reader *r, const char *word, json_kind k, bool b) {
    int line = r->line, col = r->col;
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) < n || memcmp(r->p, word, n) != 0)
        return fail(r, "invalid literal (expected '%s')", word);
    for (size_t i = 0; i < n; i++)
        advance(r);
    json_value *v = new_value(r, k, line, col);
    v->boolean = b;
    return v;
}

static bool is_digit(int c) {
    return c >= '0' && c <= '9';
}

static void skip_digits(reader *r) {
    while (is_digit(peek(r)))
        advance(r);
}

/* Checks the JSON number grammar at the cursor, leaving it after the number. */
static bool scan_number(reader *r) {
    if (peek(r) == '-')
        advance(r);
    if (peek(r) == '0') {
        advance(r);
        if (is_digit(peek(r)))
            return fail(r, "leading zero in a number"), false;
    } else if (is_digit(peek(r))) {
        skip_digits(r);
    } else {
        return fail(r, "expected a digit"), false;
    }
    if (peek(r) == '.') {
        advance(r);
        if (!is_digit(peek(r)))
            return fail(r, "expected a digit after '.'"), false;
        skip_digits(r);
    }
    if (peek(r) == 'e' || peek(r) == 'E') {
        advance(r);
        if (peek(r) == '+' || peek(r) == '-')
            advance(r);
        if (!is_digit(peek(r)))
            return fail(r, "expected a digit in the exponent"), false;
        skip_digits(r);
    }
    return true;
}

static json_value *parse_number(reader *r) {
    int line = r->line, col = r->col;
    const char *start = r->p;
    if (!scan_number(r))
        return NULL;
    char *text = arena_strndup(r->mem, start, (size_t)(r->p - start));
    json_value *v = new_value(r, JSON_NUMBER, line, col);
    v->number = strtod(text, NULL);
    return v;
}

/* ---- strings ---- */

typedef struct sbuf {
    char *data;
    size_t len, cap;
} sbuf;

static void sbuf_put(sbuf *b, char c) {
    if (b->len == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->data = realloc(b->data, b->cap);
        if (!b->data)
            abort();
    }
    b->data[b->len++] = c;
}

static void put_utf8(sbuf *b, unsigned long cp) {
    if (cp < 0x80) {
        sbuf_put(b, (char)cp);
    } else if (cp < 0x800) {
        sbuf_put(b, (char)(0xc0 | (cp >> 6)));
        sbuf_put(b, (char)(0x80 | (cp & 0x3f)));
    } else if (cp < 0x10000) {
        sbuf_put(b, (char)(0xe0 | (cp >> 12)));
        sbuf_put(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
        sbuf_put(b, (char)(0x80 | (cp & 0x3f)));
    } else {
        sbuf_put(b, (char)(0xf0 | (cp >> 18)));
        sbuf_put(b, (char)(0x80 | ((cp >> 12) & 0x3f)));
        sbuf_put(b, (char)(0x80 | ((cp >> 6) & 0x3f)));
        sbuf_put(b, (char)(0x80 | (cp & 0x3f)));
    }
}

/* Four hex digits at the cursor (after "\u"); -1 after fail() if not. */
static long read_hex4(reader *r) {
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int c = peek(r);
        int d = is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                      : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
        if (d < 0)
            return fail(r, "expected 4 hex digits after \\u"), -1;
        v = v * 16 + d;
        advance(r);
    }
    return v;
}

/* The rest of a \u escape (cursor after "\u"), surrogate pairs joined. */
static bool read_unicode(reader *r, sbuf *b) {
    long hi = read_hex4(r);
    if (hi < 0)
        return false;
    if (hi >= 0xdc00 && hi <= 0xdfff)
        return fail(r, "unpaired low surrogate \\u%04lx", hi), false;
    if (hi < 0xd800 || hi > 0xdbff) {
        put_utf8(b, (unsigned long)hi);
        return true;
    }
    if (peek(r) != '\\' || r->p + 1 >= r->end || r->p[1] != 'u')
        return fail(r, "high surrogate \\u%04lx not followed by a low one", hi), false;
    advance(r);
    advance(r);
    long lo = read_hex4(r);
    if (lo < 0)
        return false;
    if (lo < 0xdc00 || lo > 0xdfff)
        return fail(r, "high surrogate \\u%04lx followed by \\u%04lx", hi, lo), false;
    put_utf8(b, 0x10000 + (((unsigned long)hi - 0xd800) << 10) + ((unsigned long)lo - 0xdc00));
    return true;
}

static bool read_escape(reader *r, sbuf *b) {
    advance(r); /* the backslash */
    int c = peek(r);
    const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
    const char *at = c > 0 ? strchr(from, c) : NULL;
    if (at) {
        sbuf_put(b, to[at - from]);
        advance(r);
        return true;
    }
    if (c == 'u') {
        advance(r);
        return read_unicode(r, b);
    }
    char buf[16];
    return fail(r, "invalid escape \\ followed by %s", what_is_here(r, buf, sizeof buf)), false;
}

/* Reads a string at the cursor ('"') into b; false after fail(). */
static bool read_string(reader *r, sbuf *b) {
    advance(r); /* opening quote */
    for (;;) {
        int c = peek(r);
        if (c < 0)
            return fail(r, "unterminated string"), false;
        if (c == '"') {
            advance(r);
            return true;
        }
        if (c < 0x20)
            return fail(r, "control character 0x%02x in a string (must be escaped)", c), false;
        if (c == '\\') {
            if (!read_escape(r, b))
                return false;
            continue;
        }
        sbuf_put(b, (char)c);
        advance(r);
    }
}

/* A string's bytes copied into the arena; *len gets its length. */
static const char *string_at_cursor(reader *r, size_t *len) {
    sbuf b = {0};
    bool ok = read_string(r, &b);
    const char *s = ok ? arena_strndup(r->mem, b.data ? b.data : "", b.len) : NULL;
    *len = b.len;
    free(b.data);
    return s;
}

static json_value *parse_string(reader *r) {
    int line = r->line, col = r->col;
    size_t len;
    const char *s = string_at_cursor(r, &len);
    if (!s)
        return NULL;
    json_value *v = new_value(r, JSON_STRING, line, col);
    v->string = s;
    v->len = len;
    return v;
}

/* ---- arrays and objects ---- */

static void vlist_push(vlist *l, const char *key, json_value *v) {
    if (l->count == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->items = realloc(l->items, sizeof *l->items * (size_t)l->cap);
        l->keys = realloc(l->keys, sizeof *l->keys * (size_t)l->cap);
        if (!l->items || !l->keys)
            abort();
    }
    l->keys[l->count] = key;
    l->items[l->count++] = v;
}

/* Moves the list into the arena as v's items (and keys for objects). */
static json_value *vlist_finish(reader *r, vlist *l, json_value *v) {
    if (!r->failed) {
        v->count = l->count;
        v->items = ARENA_ARRAY(r->mem, json_value *, l->count);
        if (l->count)
            memcpy(v->items, l->items, sizeof *l->items * (size_t)l->count);
        if (v->kind == JSON_OBJECT) {
            v->keys = ARENA_ARRAY(r->mem, const char *, l->count);
            if (l->count)
                memcpy(v->keys, l->keys, sizeof *l->keys * (size_t)l->count);
        }
    }
    free(l->items);
    free(l->keys);
    return r->failed ? NULL : v;
}

/* After an item: ',' (more follow) or the closing bracket. Returns true if
 * another item follows. */
static bool next_item(reader *r, char close, const char *what) {
    skip_blanks(r);
    if (peek(r) == ',') {
        advance(r);
        skip_blanks(r);
        if (peek(r) == close)
            fail(r, "trailing ',' before '%c' in %s", close, what);
        return !r->failed;
    }
    if (peek(r) == close) {
        advance(r);
        return false;
    }
    char buf[16];
    fail(r, "expected ',' or '%c' in %s, got %s", close, what, what_is_here(r, buf, sizeof buf));
    return false;
}

static json_value *parse_array(reader *r) {
    json_value *v = new_value(r, JSON_ARRAY, r->line, r->col);
    vlist l = {0};
    advance(r);
    skip_blanks(r);
    if (peek(r) == ']') {
        advance(r);
        return vlist_finish(r, &l, v);
    }
    do {
        json_value *item = parse_value(r);
        if (item)
            vlist_push(&l, NULL, item);
    } while (!r->failed && next_item(r, ']', "array"));
    return vlist_finish(r, &l, v);
}

/* "key": value, with the cursor at the key. */
static void parse_member(reader *r, vlist *l) {
    char buf[16];
    if (peek(r) != '"') {
        fail(r, "expected a string key in object, got %s", what_is_here(r, buf, sizeof buf));
        return;
    }
    size_t len;
    const char *key = string_at_cursor(r, &len);
    if (!key)
        return;
    skip_blanks(r);
    if (peek(r) != ':') {
        fail(r, "expected ':' after object key, got %s", what_is_here(r, buf, sizeof buf));
        return;
    }
    advance(r);
    json_value *v = parse_value(r);
    if (v)
        vlist_push(l, key, v);
}

static json_value *parse_object(reader *r) {
    json_value *v = new_value(r, JSON_OBJECT, r->line, r->col);
    vlist l = {0};
    advance(r);
    skip_blanks(r);
    if (peek(r) == '}') {
        advance(r);
        return vlist_finish(r, &l, v);
    }
    do {
        parse_member(r, &l);
    } while (!r->failed && next_item(r, '}', "object"));
    return vlist_finish(r, &l, v);
}

static json_value *parse_nested(reader *r, json_value *(*parse)(reader *)) {
    if (++r->depth > JSON_MAX_DEPTH)
        return fail(r, "nesting deeper than %d", JSON_MAX_DEPTH);
    json_value *v = parse(r);
    r->depth--;
    return v;
}

static json_value *parse_value(reader *r) {
    skip_blanks(r);
    char buf[16];
    switch (peek(r)) {
    case '{': return parse_nested(r, parse_object);
    case '[': return parse_nested(r, parse_array);
    case '"': return parse_string(r);
    case 't': return parse_word(r, "true", JSON_BOOL, true);
    case 'f': return parse_word(r, "false", JSON_BOOL, false);
    case 'n': return parse_word(r, "null", JSON_NULL, false);
    default:
        if (peek(r) == '-' || is_digit(peek(r)))
            return parse_number(r);
        return fail(r, "expected a value, got %s", what_is_here(r, buf, sizeof buf));
    }
}

json_doc *json_parse(const char *text, size_t len, char *err, size_t errlen) {
    json_doc *doc = calloc(1, sizeof *doc);
    if (!doc)
        abort();
    arena_init(&doc->mem);
    reader r = {.p = text, .end = text + len, .line = 1, .col = 1, .mem = &doc->mem,
                .err = err, .errlen = errlen};
    doc->root = parse_value(&r);
    skip_blanks(&r);
    char buf[16];
    if (!r.failed && r.p < r.end)
        fail(&r, "unexpected %s after the top-level value", what_is_here(&r, buf, sizeof buf));
    if (r.failed) {
        json_free(doc);
        return NULL;
    }
    return doc;
}

const json_value *json_root(const json_doc *doc) {
    return doc->root;
}

void json_free(json_doc *doc) {
    if (!doc)
        return;
    arena_free(&doc->mem);
    free(doc);
}

const json_value *json_get(const json_value *v, const char *key) {
    if (!v || v->kind != JSON_OBJECT)
        return NULL;
    for (int i = v->count - 1; i >= 0; i--)
        if (strcmp(v->keys[i], key) == 0)
            return v->items[i];
    return NULL;
}

const char *json_kind_name(json_kind k) {
    static const char *const names[] = {"null", "boolean", "number", "string", "array", "object"};
    return (int)k >= 0 && k <= JSON_OBJECT ? names[k] : "?";
}
