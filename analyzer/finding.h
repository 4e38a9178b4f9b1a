/* finding.h: what refflow reports. A finding is one check's verdict at one
 * source location, with the path that leads there as notes.
 *
 * Invariants: a finding_list owns its findings and every string in them
 * (copied in); findings are unique by (check, file, line, col, message);
 * finding_list_sort orders them by file, line, column, check, message so
 * output is deterministic whatever order paths were explored in.
 */
#ifndef REFFLOW_FINDING_H
#define REFFLOW_FINDING_H

#include <stdbool.h>
#include <stddef.h>

#include "ir.h"

typedef struct finding_note {
    ir_loc loc;
    char *text;
} finding_note;

typedef struct finding {
    const char *check;     /* check ID from the registry ("leak"); static storage */
    ir_loc loc;            /* loc.file is owned by the finding */
    char *message;
    char *function;        /* the function it was found in */
    char *symbol;          /* the reference's name, may be NULL */
    finding_note *notes;
    int nnotes;
    char severity[8];      /* "warning", "error" or "note" */
} finding;

typedef struct finding_list {
    finding *items;
    int n, cap;
} finding_list;

void finding_list_init(finding_list *l);
void finding_list_free(finding_list *l);
/* Adds a deep copy of f unless an equal finding is already there; returns
 * true if added. */
bool finding_list_add(finding_list *l, const finding *f);
/* Moves every finding of src into dst (dedup applies); src is left empty. */
void finding_list_merge(finding_list *dst, finding_list *src);
void finding_list_sort(finding_list *l);

#endif
