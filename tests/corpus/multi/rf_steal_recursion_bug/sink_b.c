/* sink_b.c: the other half of the recursion (see sink_a.c). */
#include <rf.h>

int sink_a(rf_object *list, rf_object *item, int depth);

int sink_b(rf_object *list, rf_object *item, int depth)
{
    return sink_a(list, item, depth); // expect: over-release
}
