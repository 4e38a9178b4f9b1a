/* broken.c: does not fully parse (missing header, unknown type); refflow
 * must warn, still analyze what it can, and find the leak below. */
#include <rf.h>
#include "no_such_header.h"

unknown_type g;

int uses_broken(void) {
    rf_object *x = rf_int_new(1);
    if (!x)
        return -1;
    return 0; // expect: leak
}
