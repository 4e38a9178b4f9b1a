/* sink_a.c: sink_a and sink_b (sink_b.c) call each other; at the bottom
 * sink_a gives the item to rf_list_set, which steals it. Neither is
 * annotated, so their summaries are learned across the two files, pass by
 * pass to the fixpoint: both steal their item. Each body is still checked
 * against the convention (parameters borrowed): the steal is reported where
 * each gives its item away. */
#include <rf.h>

int sink_b(rf_object *list, rf_object *item, int depth);

int sink_a(rf_object *list, rf_object *item, int depth)
{
    if (depth <= 0)
        return rf_list_set(list, 0, item); // expect: over-release
    return sink_b(list, item, depth - 1); // expect: over-release
}
