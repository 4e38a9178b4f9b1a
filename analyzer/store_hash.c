/* store_hash.c: content hashes (XXH64, written out from its specification,
 * so no dependency), canonical paths, and the per-handle cache of file
 * hashes (see store_internal.h).
 *
 * A cached or stored hash is trusted only while the file's mtime and size
 * are what they were and the file was last modified well before it was
 * hashed: a file written within the same timestamp tick as it was read
 * could change again without its mtime moving ("racy", as git calls it), so
 * such a file is read again every time. */
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* --- XXH64 -------------------------------------------------------------- */

#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL
#define P4 0x85EBCA77C2B2AE63ULL
#define P5 0x27D4EB2F165667C5ULL

static uint64_t rotl(uint64_t x, int r) {
    return (x << r) | (x >> (64 - r));
}

static uint64_t read64(const unsigned char *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

static uint64_t read32(const unsigned char *p) {
    return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24;
}

static uint64_t xround(uint64_t acc, uint64_t in) {
    acc += in * P2;
    return rotl(acc, 31) * P1;
}

static uint64_t xmerge(uint64_t h, uint64_t v) {
    h ^= xround(0, v);
    return h * P1 + P4;
}

/* The 32-byte stripes; *pp advances past them. */
static uint64_t xstripes(const unsigned char **pp, const unsigned char *end, uint64_t seed) {
    const unsigned char *p = *pp;
    uint64_t v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;
    do {
        v1 = xround(v1, read64(p));
        v2 = xround(v2, read64(p + 8));
        v3 = xround(v3, read64(p + 16));
        v4 = xround(v4, read64(p + 24));
        p += 32;
    } while (end - p >= 32);
    *pp = p;
    uint64_t h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
    h = xmerge(h, v1);
    h = xmerge(h, v2);
    h = xmerge(h, v3);
    return xmerge(h, v4);
}

uint64_t store_hash64(const void *data, size_t len, uint64_t seed) {
    const unsigned char *p = data, *end = p + len;
    uint64_t h = len >= 32 ? xstripes(&p, end, seed) : seed + P5;
    h += (uint64_t)len;
    for (; end - p >= 8; p += 8)
        h = rotl(h ^ xround(0, read64(p)), 27) * P1 + P4;
    if (end - p >= 4) {
        h = rotl(h ^ (read32(p) * P1), 23) * P2 + P3;
        p += 4;
    }
    for (; p < end; p++)
        h = rotl(h ^ (*p * P5), 11) * P1;
    h ^= h >> 33;
    h *= P2;
    h ^= h >> 29;
    h *= P3;
    return h ^ (h >> 32);
}

void store_hex(uint64_t h, char out[17]) {
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--, h >>= 4)
        out[i] = digits[h & 15];
    out[16] = '\0';
}

bool store_unhex(const char *s, uint64_t *out) {
    uint64_t v = 0;
    int i = 0;
    for (; s && i < 16; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0)
            return false;
        v = v << 4 | (uint64_t)d;
    }
    *out = v;
    return i == 16 && s[16] == '\0';
}

/* --- time and paths ----------------------------------------------------- */

int64_t store_now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* File timestamps come from a coarse clock (a few ms behind); whole-second
 * mtimes suggest a filesystem that keeps no more. */
bool store_is_racy(int64_t mtime_ns, int64_t hashed_at) {
    int64_t margin = mtime_ns % 1000000000 == 0 ? 2000000000 : 50000000;
    return mtime_ns >= hashed_at - margin;
}

static char *xstrdup(const char *s) {
    char *d = strdup(s);
    if (!d)
        abort();
    return d;
}

static char *join_path(const char *dir, const char *name) {
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p)
        abort();
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, name, b + 1);
    return p;
}

static char *absolute(const char *path, const char *dir) {
    if (path[0] == '/')
        return xstrdup(path);
    if (dir && dir[0] == '/')
        return join_path(dir, path);
    char *cwd = getcwd(NULL, 0);
    if (!cwd)
        return xstrdup(path);
    char *base = dir ? join_path(cwd, dir) : cwd;
    char *p = join_path(base, path);
    if (base != cwd)
        free(base);
    free(cwd);
    return p;
}

char *store_canon_path(const char *path, const char *dir) {
    char *abs = absolute(path, dir);
    char *real = realpath(abs, NULL);
    if (!real)
        return abs;
    free(abs);
    return real;
}

/* --- reading and hashing one file --------------------------------------- */

static int64_t mtime_of(const struct stat *st) {
    return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/* Reads all of fd into a malloc'd buffer; *len gets its size. */
static unsigned char *read_all(int fd, size_t hint, size_t *len) {
    size_t cap = hint + 1, n = 0;
    unsigned char *buf = malloc(cap);
    if (!buf)
        abort();
    for (;;) {
        if (n == cap && !(buf = realloc(buf, cap *= 2)))
            abort();
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            free(buf);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    *len = n;
    return buf;
}

static void read_and_hash(const char *path, file_info *info) {
    memset(info, 0, sizeof *info);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        info->hashed_at = store_now_ns();
        size_t len;
        unsigned char *buf = read_all(fd, (size_t)st.st_size, &len);
        if (buf) {
            info->hash = store_hash64(buf, len, 0);
            info->mtime_ns = mtime_of(&st);
            info->size = (int64_t)len;
            info->ok = (int64_t)len == (int64_t)st.st_size;
            free(buf);
        }
    }
    close(fd);
}

/* --- the cache ---------------------------------------------------------- */

struct cache_entry {
    cache_entry *next;
    char *path;
    file_info info;
    int64_t seen_batch;  /* the unchanged-check batch that last found the file so, or 0 */
};

void hash_cache_init(hash_cache *c) {
    memset(c, 0, sizeof *c);
    pthread_mutex_init(&c->lock, NULL);
}

void hash_cache_free(hash_cache *c) {
    for (size_t i = 0; i < c->nbuckets; i++)
        for (cache_entry *e = c->buckets[i], *next; e; e = next) {
            next = e->next;
            free(e->path);
            free(e);
        }
    free(c->buckets);
    pthread_mutex_destroy(&c->lock);
}

static cache_entry **cache_slot(hash_cache *c, const char *path) {
    size_t i = store_hash64(path, strlen(path), 0) & (c->nbuckets - 1);
    cache_entry **pe = &c->buckets[i];
    while (*pe && strcmp((*pe)->path, path) != 0)
        pe = &(*pe)->next;
    return pe;
}

static void cache_grow(hash_cache *c) {
    size_t old = c->nbuckets;
    cache_entry **ob = c->buckets;
    c->nbuckets = old ? old * 2 : 256;
    c->buckets = calloc(c->nbuckets, sizeof *c->buckets);
    if (!c->buckets)
        abort();
    for (size_t i = 0; i < old; i++)
        for (cache_entry *e = ob[i], *next; e; e = next) {
            next = e->next;
            cache_entry **pe = cache_slot(c, e->path);
            e->next = NULL;
            *pe = e;
        }
    free(ob);
}

/* Copies the entry's info into *info if the file was found so earlier in
 * batch (not 0). */
static bool cache_seen(hash_cache *c, const char *path, int64_t batch, file_info *info) {
    pthread_mutex_lock(&c->lock);
    cache_entry *e = c->nbuckets ? *cache_slot(c, path) : NULL;
    bool hit = e && e->seen_batch == batch;
    if (hit)
        *info = e->info;
    pthread_mutex_unlock(&c->lock);
    return hit;
}

/* Copies the entry's info into *info if it still describes the file (and
 * notes it seen in batch). */
static bool cache_get(hash_cache *c, const char *path, const struct stat *st, int64_t batch,
                      file_info *info) {
    pthread_mutex_lock(&c->lock);
    cache_entry *e = c->nbuckets ? *cache_slot(c, path) : NULL;
    bool hit = e && e->info.mtime_ns == mtime_of(st) && e->info.size == (int64_t)st->st_size &&
               !store_is_racy(e->info.mtime_ns, e->info.hashed_at);
    if (hit) {
        *info = e->info;
        e->seen_batch = batch;
    }
    pthread_mutex_unlock(&c->lock);
    return hit;
}

static void cache_put(hash_cache *c, const char *path, const file_info *info, int64_t batch) {
    pthread_mutex_lock(&c->lock);
    if (c->n >= c->nbuckets)
        cache_grow(c);
    cache_entry **pe = cache_slot(c, path);
    if (!*pe) {
        if (!(*pe = calloc(1, sizeof **pe)))
            abort();
        (*pe)->path = xstrdup(path);
        c->n++;
    }
    (*pe)->info = *info;
    (*pe)->seen_batch = batch;
    pthread_mutex_unlock(&c->lock);
}

void store_file_info(hash_cache *c, const char *path, const file_info *stored, int64_t batch,
                     file_info *info) {
    struct stat st;
    memset(info, 0, sizeof *info);
    if (batch && cache_seen(c, path, batch, info))
        return;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    if (cache_get(c, path, &st, batch, info))
        return;
    if (stored && stored->ok && stored->mtime_ns == mtime_of(&st) &&
        stored->size == (int64_t)st.st_size && !store_is_racy(stored->mtime_ns, stored->hashed_at))
        *info = *stored;
    else
        read_and_hash(path, info);
    if (info->ok)
        cache_put(c, path, info, batch);
}
