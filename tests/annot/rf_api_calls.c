/* rf_api_calls.c: calls every public function of rf.h once, so that the
 * annotation check (check_rf_rules.c) sees each declaration's
 * RF_NEW_REF / RF_BORROWED_REF / RF_STEALS(n) ... annotations through the
 * front end and compares them with rules/rf.rules. Never run, only parsed. */
#include <rf.h>
#include <stdio.h>

static int visit(rf_object *o, void *arg) {
    (void)o;
    (void)arg;
    return 0;
}

void all_calls(rf_type *t, FILE *f) {
    rf_object *o = rf_new(t);
    rf_object *i = rf_int_new(1);
    (void)rf_int_value(i);
    rf_object *s = rf_str_new("x");
    rf_object *l = rf_list_new();
    (void)rf_list_append(l, i);
    (void)rf_list_get(l, 0);
    (void)rf_list_set(l, 0, s);
    (void)rf_list_len(l);
    rf_object *m = rf_map_new();
    (void)rf_map_set(m, i, o);
    (void)rf_map_get(m, i);
    (void)rf_map_del(m, i);
    rf_incref(o);
    rf_xincref(o);
    rf_decref(o);
    rf_xdecref(o);
    (void)rf_str_new_len("x", 1);
    (void)rf_str_data(s);
    (void)rf_str_len(s);
    (void)rf_map_len(m);
    size_t pos = 0;
    rf_object *k, *v;
    (void)rf_map_next(m, &pos, &k, &v);
    (void)rf_heap_dump_dot(f);
    rf_object *n = rf_newref(o);
    (void)n;
    (void)visit;
    (void)f;
}
