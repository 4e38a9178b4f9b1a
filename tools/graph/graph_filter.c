/* graph_filter.c: the filters of large graphs: files by path suffix, names
 * by comma-separated glob patterns (graph.h, rgraph_options). */
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

bool rg_file_matches(const char *file, const char *suffix) {
    if (!suffix || !*suffix)
        return true;
    if (!file)
        return false;
    size_t n = strlen(file), m = strlen(suffix);
    if (m > n || strcmp(file + n - m, suffix) != 0)
        return false;
    return m == n || file[n - m - 1] == '/' || suffix[0] == '/';
}

/* One pattern of len bytes. */
static bool one_matches(const char *name, const char *pat, size_t len) {
    char buf[256];
    if (len == 0 || len >= sizeof buf)
        return false;
    memcpy(buf, pat, len);
    buf[len] = '\0';
    if (strpbrk(buf, "*?["))
        return fnmatch(buf, name, 0) == 0;
    return strstr(name, buf) != NULL;
}

bool rg_name_matches(const char *name, const char *patterns) {
    if (!patterns || !*patterns)
        return true;
    if (!name)
        return false;
    for (const char *p = patterns;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (one_matches(name, p, len))
            return true;
        if (!comma)
            return false;
        p = comma + 1;
    }
}

typedef struct ranked {
    int index, prio;
} ranked;

static int ranked_cmp(const void *pa, const void *pb) {
    const ranked *a = pa, *b = pb;
    if (a->prio != b->prio)
        return a->prio > b->prio ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

int rg_limit(bool *want, const int *prio, int n, int max) {
    ranked *r = malloc(sizeof *r * (size_t)(n ? n : 1));
    if (!r)
        abort();
    int m = 0;
    for (int i = 0; i < n; i++)
        if (want[i])
            r[m++] = (ranked){i, prio ? prio[i] : 0};
    qsort(r, (size_t)m, sizeof *r, ranked_cmp);
    for (int i = max; i < m; i++)
        want[r[i].index] = false;
    free(r);
    return m > max ? m - max : 0;
}
