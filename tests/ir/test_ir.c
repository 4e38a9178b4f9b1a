/* test_ir.c: unit tests of ir.c without the front end: builders, the
 * validator (each invariant it checks), place names and equality, and
 * ir_finish (threading, merging, unreachable blocks, loop heads). */
#include <stdio.h>
#include <string.h>

#include "ir.h"

static int failures;

#define CHECK(cond)                                                          \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
            failures++;                                                      \
        }                                                                    \
    } while (0)

static ir_function *two_blocks(arena *a, int *x) {
    ir_function *f = ir_function_new(a, "f");
    ir_loc none = {0};
    *x = ir_add_var(f, "x", IR_VT_REF, none);
    ir_add_block(f);
    ir_add_block(f);
    f->blocks[0].term.kind = IR_TERM_GOTO;
    f->blocks[0].term.target[0] = 1;
    f->blocks[1].term.kind = IR_TERM_RETURN;
    return f;
}

static void test_validate(void) {
    arena a;
    arena_init(&a);
    int x;
    char err[128];
    ir_function *f = two_blocks(&a, &x);
    CHECK(ir_validate(f, err, sizeof err));
    f->blocks[0].term.target[0] = 7;
    CHECK(!ir_validate(f, err, sizeof err) && strstr(err, "b7"));
    f->blocks[0].term.target[0] = 1;
    ir_instr in = {.kind = IR_USE};
    in.src.kind = IR_OP_PLACE;
    in.src.place = ir_place_var(f, x);
    in.src.place.var = 5;
    ir_append(f, 1, &in);
    CHECK(!ir_validate(f, err, sizeof err) && strstr(err, "out of range"));
    f->blocks[1].instrs[0].src.place.var = x;
    CHECK(ir_validate(f, err, sizeof err));
    ir_place p = ir_place_step(f, ir_place_var(f, x), IR_STEP_FIELD, "s", IR_VT_STRUCT);
    p = ir_place_step(f, p, IR_STEP_ARROW, "next", IR_VT_REF); /* heap step not first */
    f->blocks[1].instrs[0].src.place = p;
    CHECK(!ir_validate(f, err, sizeof err) && strstr(err, "not the first"));
    f->blocks[1].term.kind = IR_TERM_NONE;
    f->blocks[1].instrs[0].src.place = ir_place_var(f, x);
    CHECK(!ir_validate(f, err, sizeof err) && strstr(err, "terminator"));
    arena_free(&a);
}

static void test_names(void) {
    arena a;
    arena_init(&a);
    int x;
    ir_function *f = two_blocks(&a, &x);
    ir_place v = ir_place_var(f, x);
    ir_place arrow = ir_place_step(f, v, IR_STEP_ARROW, "next", IR_VT_REF);
    ir_place deref = ir_place_step(f, v, IR_STEP_DEREF, NULL, IR_VT_REF);
    ir_place deref_f = ir_place_step(f, deref, IR_STEP_FIELD, "f", IR_VT_INT);
    ir_place g = ir_place_global(f, "Py_None", IR_VT_REF);
    ir_place idx = ir_place_step(f, g, IR_STEP_INDEX, NULL, IR_VT_REF);
    CHECK(strcmp(ir_place_name(f, &arrow), "x->next") == 0);
    CHECK(strcmp(ir_place_name(f, &deref), "*x") == 0);
    CHECK(strcmp(ir_place_name(f, &deref_f), "(*x).f") == 0);
    CHECK(strcmp(ir_place_name(f, &g), "Py_None") == 0);
    CHECK(strcmp(ir_place_name(f, &idx), "Py_None[]") == 0);
    CHECK(arrow.is_heap && deref.is_heap && !idx.is_heap && !g.is_heap);
    ir_place arrow2 = ir_place_step(f, v, IR_STEP_ARROW, "next", IR_VT_REF);
    CHECK(ir_place_equal(&arrow, &arrow2));
    CHECK(!ir_place_equal(&arrow, &deref));
    CHECK(!ir_place_equal(&v, &g));
    arena_free(&a);
}

/* b0 -> b1 (empty goto) -> b2: loop back to b2 from b3; b4 unreachable. */
static void test_finish(void) {
    arena a;
    arena_init(&a);
    ir_function *f = ir_function_new(&a, "g");
    ir_loc none = {0};
    int x = ir_add_var(f, "x", IR_VT_INT, none);
    for (int i = 0; i < 5; i++)
        ir_add_block(f);
    ir_block *b = f->blocks;
    b[0].term = (ir_term){.kind = IR_TERM_GOTO, .target = {1}};
    b[1].term = (ir_term){.kind = IR_TERM_GOTO, .target = {2}};
    b[2].term = (ir_term){.kind = IR_TERM_BRANCH, .target = {3, 4}};
    b[2].term.cond.kind = IR_COND_TRUTH;
    b[2].term.cond.opnd.kind = IR_OP_PLACE;
    b[2].term.cond.opnd.place = ir_place_var(f, x);
    b[3].term = (ir_term){.kind = IR_TERM_GOTO, .target = {2}};
    b[4].term = (ir_term){.kind = IR_TERM_RETURN};
    ir_instr use = {.kind = IR_USE};
    use.src.kind = IR_OP_PLACE;
    use.src.place = ir_place_var(f, x);
    ir_append(f, 3, &use);
    int dead = ir_add_block(f); /* unreachable */
    f->blocks[dead].term.kind = IR_TERM_RETURN;
    ir_finish(f);
    char err[128];
    CHECK(ir_validate(f, err, sizeof err));
    CHECK(f->nblocks == 4); /* b1 threaded away, the dead block dropped */
    CHECK(f->blocks[0].term.kind == IR_TERM_GOTO && f->blocks[0].term.target[0] == 1);
    CHECK(f->blocks[1].is_loop_head && f->blocks[1].term.kind == IR_TERM_BRANCH);
    CHECK(f->blocks[2].ninstrs == 1 && f->blocks[3].term.kind == IR_TERM_RETURN);
    arena_free(&a);
}

int main(void) {
    test_validate();
    test_names();
    test_finish();
    if (failures)
        fprintf(stderr, "test_ir: %d failure(s)\n", failures);
    return failures ? 1 : 0;
}
