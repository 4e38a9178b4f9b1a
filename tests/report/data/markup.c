/* markup.c: source text that is also markup, for the HTML report test
 * (tests/report/report_test.py copies it under a file name full of
 * characters HTML and file names treat specially). Every byte of it must
 * show as text on the finding page, never as an element. */
#include <rf.h>

/* <!-- a comment that looks like markup --> & "quotes" 'too' */
long markup_leak(long v) {
    rf_object *tag = rf_str_new("</script><b id=\"injected\">&amp; <i>not bold</i></b>");
    if (!tag) /* <tag attr='x'> */
        return -1;
    if (v > 0 && v < 10)
        return v;
    RF_DECREF(tag);
    return 0;
}
