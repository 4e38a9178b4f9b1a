/* test_dump.c: rf_heap_dump_dot writes every live object as a node
 * (type, refcount, int/str value) in refflow's graph style (tracked objects
 * drawn as traced types, the others as untraced, with a legend) and every
 * traverse reference as an edge; when Graphviz's `dot` is given as argv[1],
 * the output must parse.
 */
#include "graph_style.h"
#include "rt_test.h"

static char *dump(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    CHECK_EQ(rf_heap_dump_dot(f), 0);
    fclose(f);
    return buf;
}

static int count_substr(const char *s, const char *sub)
{
    int n = 0;
    for (const char *p = strstr(s, sub); p != NULL; p = strstr(p + 1, sub))
        n++;
    return n;
}

static void test_dot_contents(const char *dot_program)
{
    rf_object *l = rf_list_new();
    rf_object *i = rf_int_new(42);
    rf_object *s = rf_str_new("say \"hi\"");
    CHECK_EQ(rf_list_append(l, i), 0);
    CHECK_EQ(rf_list_append(l, s), 0);
    CHECK_EQ(rf_list_append(l, l), 0);
    char *out = dump();
    CHECK(strncmp(out, "digraph rf_heap {", 17) == 0);
    CHECK(strstr(out, "label=\"int\\nrefcnt=2\\nvalue=42\"") != NULL);
    CHECK(strstr(out, "label=\"str\\nrefcnt=2\\nvalue=\\\"say \\\"hi\\\"\\\"\"") != NULL);
    CHECK(strstr(out, "label=\"list\\nrefcnt=2\"") != NULL);
    CHECK(strstr(out, "label=\"list\\nrefcnt=2\", " RF_STYLE_TRACED "]") != NULL);
    CHECK(strstr(out, "label=\"int\\nrefcnt=2\\nvalue=42\", " RF_STYLE_UNTRACED "]") != NULL);
    CHECK(strstr(out, "subgraph cluster_legend") != NULL);
    CHECK_EQ(count_substr(out, "[label="), 3);
    CHECK_EQ(count_substr(out, " -> "), 3);
    char edge[64];
    snprintf(edge, sizeof edge, "\"%p\" -> \"%p\";", (void *)l, (void *)i);
    CHECK(strstr(out, edge) != NULL);
    snprintf(edge, sizeof edge, "\"%p\" -> \"%p\";", (void *)l, (void *)l);
    CHECK(strstr(out, edge) != NULL);
    if (dot_program != NULL && dot_program[0] != '\0') {
        char path[] = "/tmp/rt_dump_XXXXXX";
        int fd = mkstemp(path);
        FILE *f = fdopen(fd, "w");
        fputs(out, f);
        fclose(f);
        char cmd[512];
        snprintf(cmd, sizeof cmd, "'%s' -Tsvg '%s' -o /dev/null", dot_program, path);
        CHECK_EQ(system(cmd), 0);
        remove(path);
    }
    free(out);
    RF_DECREF(i);
    RF_DECREF(s);
    RF_DECREF(l);
    CHECK_EQ(rf_gc_collect(), 1);
    out = dump();
    CHECK_EQ(count_substr(out, "[label="), 0);
    CHECK(strstr(out, "cluster_legend") == NULL); /* nothing to explain */
    free(out);
}

static const char *dot_arg;

static void test_dot(void)
{
    test_dot_contents(dot_arg);
}

int main(int argc, char **argv)
{
    dot_arg = argc > 1 ? argv[1] : NULL;
    RT_RUN(test_dot);
    return rt_finish();
}
