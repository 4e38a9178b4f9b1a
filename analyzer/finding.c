/* finding.c: the finding list (see finding.h). Deduplication is a linear
 * scan per function's worth of findings; lists stay small (dozens). */
#include "finding.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *xrealloc(void *p, size_t n) {
    void *q = realloc(p, n);
    if (!q) {
        fprintf(stderr, "refflow: out of memory\n");
        abort();
    }
    return q;
}

static char *xstrdup(const char *s) {
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

void finding_list_init(finding_list *l) {
    memset(l, 0, sizeof *l);
}

static void finding_free(finding *f) {
    free((char *)f->loc.file);
    free(f->message);
    free(f->function);
    free(f->symbol);
    for (int i = 0; i < f->nnotes; i++) {
        free((char *)f->notes[i].loc.file);
        free(f->notes[i].text);
    }
    free(f->notes);
}

void finding_list_free(finding_list *l) {
    for (int i = 0; i < l->n; i++)
        finding_free(&l->items[i]);
    free(l->items);
    finding_list_init(l);
}

static int strcmp0(const char *a, const char *b) {
    return strcmp(a ? a : "", b ? b : "");
}

static bool same_finding(const finding *a, const finding *b) {
    return strcmp(a->check, b->check) == 0 && a->loc.line == b->loc.line &&
           a->loc.col == b->loc.col && strcmp0(a->loc.file, b->loc.file) == 0 &&
           strcmp0(a->message, b->message) == 0;
}

static finding copy_finding(const finding *f) {
    finding c = *f;
    c.loc.file = xstrdup(f->loc.file);
    c.message = xstrdup(f->message);
    c.function = xstrdup(f->function);
    c.symbol = xstrdup(f->symbol);
    c.notes = f->nnotes ? xrealloc(NULL, sizeof(finding_note) * (size_t)f->nnotes) : NULL;
    for (int i = 0; i < f->nnotes; i++) {
        c.notes[i].loc = f->notes[i].loc;
        c.notes[i].loc.file = xstrdup(f->notes[i].loc.file);
        c.notes[i].text = xstrdup(f->notes[i].text);
    }
    return c;
}

static void push(finding_list *l, finding f) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->items = xrealloc(l->items, sizeof(finding) * (size_t)l->cap);
    }
    l->items[l->n++] = f;
}

static bool contains(const finding_list *l, const finding *f) {
    for (int i = 0; i < l->n; i++)
        if (same_finding(&l->items[i], f))
            return true;
    return false;
}

bool finding_list_add(finding_list *l, const finding *f) {
    if (contains(l, f))
        return false;
    push(l, copy_finding(f));
    return true;
}

void finding_list_merge(finding_list *dst, finding_list *src) {
    for (int i = 0; i < src->n; i++) {
        if (contains(dst, &src->items[i]))
            finding_free(&src->items[i]);
        else
            push(dst, src->items[i]);
    }
    free(src->items);
    finding_list_init(src);
}

static int compare_findings(const void *pa, const void *pb) {
    const finding *a = pa, *b = pb;
    int c = strcmp0(a->loc.file, b->loc.file);
    if (c)
        return c;
    if (a->loc.line != b->loc.line)
        return a->loc.line < b->loc.line ? -1 : 1;
    if (a->loc.col != b->loc.col)
        return a->loc.col < b->loc.col ? -1 : 1;
    c = strcmp(a->check, b->check);
    return c ? c : strcmp0(a->message, b->message);
}

void finding_list_sort(finding_list *l) {
    if (l->n > 1)
        qsort(l->items, (size_t)l->n, sizeof(finding), compare_findings);
}
