/* graph_cycle.c: example: a user-defined node type that the collector can
 * see (traverse + clear), a small graph with a cycle, the live graph
 * dumped as DOT before and after the cycle is collected.
 *
 * Assumes: the rf runtime (<rf.h>). Writes the two DOT graphs to stdout.
 * Usage: rf_example_graph_cycle | dot -Tsvg > graph.svg
 */
#include <rf.h>
#include <stdio.h>

typedef struct node {
    RF_OBJECT_HEAD
    rf_object *name;  /* owned str */
    rf_object *edges; /* owned list of nodes */
} node;

static int node_traverse(rf_object *self, rf_visitproc visit, void *arg)
{
    node *n = (node *)self;
    int r = n->name != NULL ? visit(n->name, arg) : 0;
    if (r == 0 && n->edges != NULL)
        r = visit(n->edges, arg);
    return r;
}

static void node_clear(rf_object *self)
{
    node *n = (node *)self;
    RF_CLEAR(n->name);
    RF_CLEAR(n->edges);
}

static rf_type node_type = {
    .name = "node",
    .size = sizeof(node),
    .traverse = node_traverse,
    .clear = node_clear,
    .flags = RF_TPFLAGS_GC,
};

/* A new node called `name` with no edges; NULL on failure. */
RF_NEW_REF static rf_object *node_new(const char *name)
{
    rf_object *self = rf_new(&node_type);
    if (self == NULL)
        return NULL;
    node *n = (node *)self;
    n->name = rf_str_new(name);
    n->edges = rf_list_new();
    if (n->name == NULL || n->edges == NULL) {
        RF_DECREF(self);
        return NULL;
    }
    return self;
}

/* Adds an edge from -> to (from keeps its own reference to `to`). */
RF_STATUS static int node_link(rf_object *from, rf_object *to)
{
    return rf_list_append(((node *)from)->edges, to);
}

/* Builds a -> b -> c -> a; returns a new reference to a (the only one
 * outside the cycle), or NULL. */
RF_NEW_REF static rf_object *build_cycle(void)
{
    rf_object *a = node_new("a");
    rf_object *b = node_new("b");
    rf_object *c = node_new("c");
    int ok = a != NULL && b != NULL && c != NULL && node_link(a, b) == 0 &&
             node_link(b, c) == 0 && node_link(c, a) == 0;
    RF_XDECREF(b);
    RF_XDECREF(c);
    if (!ok) {
        RF_XDECREF(a);
        return NULL;
    }
    return a;
}

int main(void)
{
    rf_init();
    rf_object *a = build_cycle();
    if (a == NULL) {
        fprintf(stderr, "out of memory: %s\n", rf_error_message());
        return 1;
    }
    rf_heap_dump_dot(stdout);
    RF_DECREF(a); /* the cycle keeps itself alive ... */
    fprintf(stderr, "after RF_DECREF: %zu objects alive\n", rf_heap_count());
    long freed = rf_gc_collect(); /* ... until the collector finds it */
    fprintf(stderr, "rf_gc_collect freed %ld objects; %zu alive\n", freed, rf_heap_count());
    rf_heap_dump_dot(stdout);
    return rf_fini() == 0 ? 0 : 1;
}
