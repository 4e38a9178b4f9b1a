/* cycle-untraced: a box holding "any object" in an owned rf_object * field,
 * without a traverse, and a weak back-pointer annotated borrowed. Holding any
 * object is not by itself a cycle through the box (no field is declared to
 * hold a box), and a borrowed field never closes one: nothing to report. */
#include <rf.h>

typedef struct box {
    RF_OBJECT_HEAD
    rf_object *value;                 /* owned: an int or a str */
    RF_BORROWED_REF struct box *peer; /* borrowed: not counted */
} box;

static void box_clear(rf_object *self)
{
    box *b = (box *)self;
    RF_CLEAR(b->value);
}

rf_type box_type = {
    .name = "box",
    .size = sizeof(box),
    .clear = box_clear,
};
