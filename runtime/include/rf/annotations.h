/* rf/annotations.h: ownership annotations read by the refflow analyzer.
 *
 * Assumes: nothing; included first by <rf.h>. Under clang each macro expands
 * to __attribute__((annotate("refflow:..."))); the payload strings are fixed
 * (the analyzer parses them). Under any other compiler they expand to nothing.
 *
 * Placement: before the declaration, e.g.
 *     RF_NEW_REF rf_object *rf_int_new(long v);
 *     RF_STATUS RF_BORROWS(1) RF_STEALS(3) int rf_list_set(...);
 * Argument numbers are 1-based.
 */
#ifndef RF_ANNOTATIONS_H
#define RF_ANNOTATIONS_H

#if defined(__clang__)
#define RF_ANNOTATE_(s) __attribute__((annotate(s)))
#else
#define RF_ANNOTATE_(s)
#endif

/* Return values. */
#define RF_NEW_REF RF_ANNOTATE_("refflow:ret=new?")            /* new, NULL on failure */
#define RF_NEW_REF_NONNULL RF_ANNOTATE_("refflow:ret=new")     /* new, never NULL */
#define RF_BORROWED_REF RF_ANNOTATE_("refflow:ret=borrowed?")  /* borrowed, may be NULL */
#define RF_STATUS RF_ANNOTATE_("refflow:ret=status")           /* <0 failure, >=0 success */

/* Arguments (n is 1-based). */
#define RF_STEALS(n) RF_ANNOTATE_("refflow:arg" #n "=steal")
#define RF_INCREFS(n) RF_ANNOTATE_("refflow:arg" #n "=incref")
#define RF_XINCREFS(n) RF_ANNOTATE_("refflow:arg" #n "=incref?")
#define RF_DECREFS(n) RF_ANNOTATE_("refflow:arg" #n "=decref")
#define RF_XDECREFS(n) RF_ANNOTATE_("refflow:arg" #n "=decref?")
#define RF_BORROWS(n) RF_ANNOTATE_("refflow:arg" #n "=borrow")
#define RF_NULLABLE(n) RF_ANNOTATE_("refflow:arg" #n "=borrow?")
/* Extension: argument n is not a reference (an int, a C string, ...). */
#define RF_NOT_REF(n) RF_ANNOTATE_("refflow:arg" #n "=-")

#endif
