/* graph_render.c: lays a graph out and renders it with Graphviz, in
 * process (libgvc + libcgraph): the only file of refflow that includes
 * Graphviz. The model goes through its DOT text (graph_dot.c), which
 * libcgraph parses, so what `--format dot` prints is exactly what is laid
 * out.
 *
 * Assumes: Graphviz's plugins (dot layout, core svg, cairo png) are
 * installed where libgvc's config finds them, as Debian's packages do; a
 * missing one is reported as such. Graphviz's error reporting is global,
 * so rendering is not meant to run in several threads at once.
 *
 * One Graphviz context serves every render of the process (created at the
 * first, never freed): freeing a context and making another, one per
 * render, leaves the pango text-layout plugin's font cache pointing into
 * the freed one (valgrind: invalid reads in textspan_size from the second
 * render on, as `refflow report` renders one graph per finding). */
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph_internal.h"

static const char *const formats[] = {"dot", "svg", "png", NULL};

bool rgraph_format_known(const char *format) {
    for (int i = 0; format && formats[i]; i++)
        if (strcmp(format, formats[i]) == 0)
            return true;
    return false;
}

/* Graphviz's messages during one render, for the error text. */
static char gv_messages[1024];

static int collect_message(char *msg) {
    size_t used = strlen(gv_messages);
    snprintf(gv_messages + used, sizeof gv_messages - used, "%s", msg);
    return 0;
}

static bool copy_out(const char *data, unsigned int n, char **out, size_t *len) {
    *out = malloc((size_t)n + 1);
    if (!*out)
        abort();
    memcpy(*out, data, n);
    (*out)[n] = '\0';
    *len = n;
    return true;
}

/* Trims Graphviz's trailing newline off the collected messages. */
static const char *messages(void) {
    size_t n = strlen(gv_messages);
    while (n && (gv_messages[n - 1] == '\n' || gv_messages[n - 1] == ' '))
        gv_messages[--n] = '\0';
    return n ? gv_messages : "no message";
}

static bool layout_and_render(GVC_t *gvc, Agraph_t *ag, const char *format, char **out,
                              size_t *len, char *err, size_t errlen) {
    if (gvLayout(gvc, ag, "dot") != 0) {
        rg_err(err, errlen, "graphviz could not lay the graph out: %s", messages());
        return false;
    }
    char *data = NULL;
    unsigned int n = 0;
    bool ok = gvRenderData(gvc, ag, format, &data, &n) == 0 && data;
    if (ok)
        copy_out(data, n, out, len);
    else
        rg_err(err, errlen, "graphviz could not render %s (is its plugin installed?): %s",
               format, messages());
    gvFreeRenderData(data);
    gvFreeLayout(gvc, ag);
    return ok;
}

static GVC_t *context(void) {
    static GVC_t *gvc;
    if (!gvc)
        gvc = gvContext();
    return gvc;
}

bool rgraph_render(const rgraph *g, const char *format, char **out, size_t *len, char *err,
                   size_t errlen) {
    *out = NULL;
    *len = 0;
    if (!rgraph_format_known(format)) {
        rg_err(err, errlen, "unknown graph format '%s' (known: dot, svg, png)",
               format ? format : "");
        return false;
    }
    char *dot = rgraph_to_dot(g);
    if (strcmp(format, "dot") == 0) {
        *out = dot;
        *len = strlen(dot);
        return true;
    }
    gv_messages[0] = '\0';
    agusererrf prev = agseterrf(collect_message);
    GVC_t *gvc = context();
    Agraph_t *ag = agmemread(dot);
    bool ok = false;
    if (!ag)
        rg_err(err, errlen, "graphviz could not read the graph refflow wrote: %s", messages());
    else
        ok = layout_and_render(gvc, ag, format, out, len, err, errlen);
    if (ag)
        agclose(ag);
    agseterrf(prev);
    free(dot);
    return ok;
}
