#!/usr/bin/env python3
"""graph_test.py: `refflow graph` end to end. Checks examples/rf_cache.c (and
the cycle corpus, for types) into temporary databases, then draws the
function, call and type graphs as DOT, SVG and PNG and asserts on their
structure: node labels, the marked and
emphasised finding paths, source links, cycle highlighting, the size-limit
notice, and the errors (unknown function, missing/empty database, bad
format, bad finding). Never on image bytes.
usage: graph_test.py REFFLOW SOURCE_DIR"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

REFFLOW, SRC = sys.argv[1], sys.argv[2]
RT = ["-I" + os.path.join(SRC, "runtime", "include")]
EXAMPLE = os.path.join(SRC, "examples", "rf_cache.c")
failures = []


def run(*args, binary=False):
    p = subprocess.run([REFFLOW, *args], capture_output=True, timeout=240, text=not binary)
    return p.returncode, p.stdout, p.stderr if not binary else p.stderr.decode()


def expect(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name)
    if not cond:
        failures.append(name)
        if detail:
            print("     " + str(detail).replace("\n", "\n     ")[:3000])


def nodes(dot):
    """{node id: attribute text} of a DOT text written by refflow."""
    return dict(re.findall(r'^\s*(n\d+) \[(.*)\];$', dot, re.M))


def edges(dot):
    """[(from, to, attribute text)]"""
    return re.findall(r'^\s*(n\d+) -> (n\d+) \[(.*)\];$', dot, re.M)


def label(attrs):
    m = re.search(r'label="((?:[^"\\]|\\.)*)"', attrs)
    return m.group(1).replace("\\n", "\n") if m else None


def node_with(dot, text):
    return [n for n, a in nodes(dot).items() if label(a) and text in label(a)]


def marked(attrs):
    return 'color="#d32f2f"' in attrs


def emphasised(attrs):
    return 'penwidth=4' in attrs


def check_into(db):
    rc, out, err = run("check", "--rules", "rf", "--db", db, EXAMPLE, "--", *RT)
    expect("check writes the example into the database", rc == 1, out + err)


def test_function(db, d):
    rc, dot, err = run("graph", "--db", db, "--function", "add_names")
    expect("--function: DOT on stdout, exit 0", rc == 0 and dot.startswith("digraph"), err)
    got = nodes(dot)
    acq = node_with(dot, "new from rf_str_new()\nrf_cache.c:29")
    rel = node_with(dot, "released: rf_decref\nrf_cache.c:33")
    leak = node_with(dot, "leak of new reference 's'")
    expect("acquire, release and finding nodes with file:line labels",
           len(acq) == 1 and len(rel) == 1 and len(leak) == 1, dot)
    head = node_with(dot, "s\nnew from rf_str_new")
    expect("the lane of reference 's' starts with its name, then its acquire",
           len(head) == 1 and acq and any(a == head[0] and b == acq[0] for a, b, _ in edges(dot)),
           dot)
    heads = re.search(r'\{ rank=same; (.*) \}', dot)
    expect("lanes are rows in line order (heads on one rank, chained)",
           heads is not None and heads.group(1).strip(" ;") == head[0], dot)
    if acq and leak:
        expect("the finding's nodes are marked", marked(got[acq[0]]) and marked(got[leak[0]]))
        expect("the release (not on the leak's path) is not marked", not marked(got[rel[0]]))
    rc, dot3, _ = run("graph", "--db", db, "--function", "make_range")
    order = re.search(r'\{ rank=same; (.*) \}', dot3)
    order = [label(nodes(dot3)[n]).split("\n")[0] for n in order.group(1).strip(" ;").split("; ")] \
        if order else []
    expect("two references, two rows, in the order they appear", order == ["list", "v"], dot3)
    expect("nodes link to their source (file#Lline) with a file:line tooltip",
           'URL="' + EXAMPLE + '#L29"' in dot and 'tooltip="' + EXAMPLE + ':29"' in dot, dot)
    rc, dot2, _ = run("graph", "--db", db, "--function", "add_names", "--link-prefix",
                      "https://src.example/")
    expect("--link-prefix goes before the path", 'URL="https://src.example/' + EXAMPLE + '#L29"'
           in dot2, dot2)
    expect("a legend names the kinds drawn", 'label="legend"' in dot
           and 'label="released (decref)"' in dot and "stolen" not in dot, dot)


def finding_id(db, function):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT id FROM findings WHERE function = ?", (function,)).fetchone()[0]


def test_finding_path(db):
    fid = finding_id(db, "add_names")
    rc, dot, err = run("graph", "--db", db, "--function", "add_names", "--finding", str(fid))
    got = nodes(dot)
    branch = node_with(dot, "taking the false branch")
    acq = node_with(dot, "new from rf_str_new()")
    leak = node_with(dot, "leak of new reference 's'")
    expect("--finding adds the path's branch step as a node", rc == 0 and len(branch) == 1,
           dot + err)
    if branch and acq and leak:
        emph = [(a, b) for a, b, attrs in edges(dot) if emphasised(attrs)]
        expect("the path acquire -> branch -> leak is emphasised, in order",
               (acq[0], branch[0]) in emph and (branch[0], leak[0]) in emph, dot)
        expect("the path's nodes are emphasised",
               all(emphasised(got[n]) for n in (acq[0], branch[0], leak[0])))
    other = finding_id(db, "cached_value")
    rc, _, err = run("graph", "--db", db, "--function", "add_names", "--finding", str(other))
    expect("--finding of another function is refused", rc == 2 and
           "is not a current finding of add_names" in err, err)


def test_formats(db, d):
    svg = os.path.join(d, "f.svg")
    rc, _, err = run("graph", "--db", db, "--function", "cached_value", "-o", svg)
    expect("-o f.svg writes SVG", rc == 0 and os.path.exists(svg), err)
    if rc == 0:
        root = ET.parse(svg).getroot()
        ns = {"s": "http://www.w3.org/2000/svg", "x": "http://www.w3.org/1999/xlink"}
        texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
        hrefs = [a.get("{http://www.w3.org/1999/xlink}href") for a in root.iterfind(".//s:a", ns)]
        expect("the SVG carries the labels", "borrowed from rf_map_get()" in texts
               and "released: rf_decref" in texts, texts)
        expect("the SVG links nodes to their source", EXAMPLE + "#L43" in hrefs, hrefs)
    png = os.path.join(d, "f.png")
    rc, _, err = run("graph", "--db", db, "--function", "make_range", "-o", png)
    with open(png, "rb") as f:
        head = f.read(8) if rc == 0 else b""
    expect("-o f.png writes a PNG", rc == 0 and head == b"\x89PNG\r\n\x1a\n", err)
    rc, out, err = run("graph", "--db", db, "--calls", "--format", "svg")
    expect("--format svg on stdout", rc == 0 and "<svg" in out, err)
    rc, _, err = run("graph", "--db", db, "--calls", "--format", "bmp")
    expect("an unknown --format is refused", rc == 2 and "bmp" in err, err)
    rc, _, err = run("graph", "--db", db, "--calls", "-o", os.path.join(d, "x.jpg"))
    expect("an -o extension that says no format is refused", rc == 2 and "x.jpg" in err, err)


def test_calls(db):
    rc, dot, err = run("graph", "--db", db, "--calls")
    mr = node_with(dot, "make_range\nreturns new?")
    expect("--calls labels functions with their contracts", rc == 0 and len(mr) == 1, dot + err)
    ext = node_with(dot, "rf_list_new\nrule: returns new?")
    expect("library callees carry their rule's contract", len(ext) == 1, dot)
    if mr and ext:
        expect("a call edge from make_range to rf_list_new",
               any(a == mr[0] and b == ext[0] for a, b, _ in edges(dot)), dot)
    rc, dot, err = run("graph", "--db", db, "--calls", "--internal-only")
    expect("--internal-only leaves out library functions",
           rc == 0 and not node_with(dot, "rf_list_new") and node_with(dot, "add_names"), dot)
    rc, dot, err = run("graph", "--db", db, "--calls", "--function-filter", "cached*")
    expect("--function-filter keeps matches and their callees only",
           rc == 0 and node_with(dot, "cached_value") and node_with(dot, "rf_map_get")
           and not node_with(dot, "make_range") and "showing 1 of 4 defined functions" in dot,
           dot + err)
    rc, dot, err = run("graph", "--db", db, "--calls", "--function", "cached_value", "--depth",
                       "1")
    expect("--calls --function NAME --depth 1: NAME and its callees, said so",
           rc == 0 and node_with(dot, "rf_map_get") and not node_with(dot, "make_range")
           and "within 1 call of cached_value" in err, dot + err)
    center = node_with(dot, "cached_value\nreturns")
    expect("the center is outlined", center and marked(nodes(dot)[center[0]]), dot)
    rc, _, err = run("graph", "--db", db, "--calls", "--function", "nowhere", "--depth", "2")
    expect("an unknown center: exit 2", rc == 2 and "nowhere" in err, err)
    rc, _, err = run("graph", "--db", db, "--calls", "--depth", "2")
    expect("--depth without a center: exit 2", rc == 2 and "--depth needs" in err, err)
    rc, dot, err = run("graph", "--db", db, "--calls", "--max-nodes", "3")
    expect("the size limit cuts with a message on stderr and in the picture",
           rc == 0 and len(nodes(dot)) == 3 and "cut by the size limit --max-nodes 3" in err
           and "cut by the size limit --max-nodes 3" in dot, err)


def test_errors(db, d):
    rc, _, err = run("graph", "--db", db, "--function", "no_such_function")
    expect("unknown function: exit 2 naming it", rc == 2 and "no_such_function" in err, err)
    missing = os.path.join(d, "missing.db")
    rc, _, err = run("graph", "--db", missing, "--calls")
    expect("missing database: exit 2, not created", rc == 2 and "no such database" in err
           and not os.path.exists(missing), err)
    empty = os.path.join(d, "empty.db")
    open(empty, "w").close()
    rc, _, err = run("graph", "--db", empty, "--calls")
    expect("empty database: exit 2 with a message", rc == 2 and "empty" in err, err)
    rc, _, err = run("graph", "--db", db)
    expect("no graph kind: exit 2", rc == 2 and "--function NAME, --types or --calls" in err, err)
    rc, _, err = run("graph", "--db", db, "--types", "--calls")
    expect("two graph kinds: exit 2", rc == 2 and "choose one" in err, err)
    rc, out, _ = run("graph", "--help")
    expect("graph --help lists the options", rc == 0 and "--max-nodes" in out, out)


def add_type_rows(db):
    """Type edges alone, without the types rows and the checks' verdicts (as
    databases of older refflows hold them): a <-> b owned, a cycle found by
    the graph itself; c -> a borrowed."""
    with sqlite3.connect(db) as c:
        tu = c.execute("SELECT id FROM tus").fetchone()[0]
        rows = [("a_obj", "peer", "b_obj", 1), ("b_obj", "back", "a_obj", 1),
                ("c_obj", "weak", "a_obj", 0), ("c_obj", "self", "c_obj", 0)]
        for s, f, t, o in rows:
            c.execute("INSERT INTO type_edges (tu_id, struct_type, field, target_type, owned,"
                      " file, line) VALUES (?, ?, ?, ?, ?, 'types.h', 3)", (tu, s, f, t, o))


def test_types(db):
    rc, _, err = run("graph", "--db", db, "--types")
    expect("--types without type rows: exit 2 with a message", rc == 2 and "no types" in err, err)
    add_type_rows(db)
    rc, dot, err = run("graph", "--db", db, "--types")
    got = nodes(dot)
    a, b, c = (node_with(dot, n) for n in ("a_obj", "b_obj", "c_obj"))
    expect("--types draws each type", rc == 0 and a and b and c, dot + err)
    if a and b and c:
        expect("the cycle a <-> b is marked, c is not",
               marked(got[a[0]]) and marked(got[b[0]]) and not marked(got[c[0]]), dot)
        cyc = [(x, y) for x, y, attrs in edges(dot) if marked(attrs)]
        expect("the cycle's edges are marked, the borrowed ones dashed and not",
               sorted(cyc) == sorted([(a[0], b[0]), (b[0], a[0])])
               and any(x == c[0] and "dashed" in attrs for x, y, attrs in edges(dot)), dot)
        expect("fields label the edges", 'label="peer"' in dot and 'label="back"' in dot, dot)
    rc, dot, err = run("graph", "--db", db, "--types", "--type-filter", "c_obj")
    expect("--type-filter keeps the match and its neighbours", rc == 0 and node_with(dot, "c_obj")
           and node_with(dot, "a_obj") and not node_with(dot, "b_obj"), dot + err)
    rc, _, err = run("graph", "--db", db, "--types", "--type-filter", "zzz")
    expect("a type filter matching nothing: exit 2", rc == 2 and "no type matches" in err, err)


def test_types_checked(d):
    """The types and verdicts refflow check records for the cycle corpus."""
    db = os.path.join(d, "cycles.db")
    for name in ("cycle_untraced_no_traverse_bug", "cycle_untraced_any_reentry_bug"):
        run("check", "-q", "--rules", "rf", "--db", db,
            os.path.join(SRC, "tests", "corpus", "rf", name + ".c"), "--", *RT)
    rc, dot, err = run("graph", "--db", db, "--types")
    got = nodes(dot)
    dnode = node_with(dot, "dnode\nuntraced: its rf_type 'dnode_type' has no traverse")
    handler = node_with(dot, "handler\nuntraced")
    binding = node_with(dot, "binding\ntraced (rf)")
    expect("--types: the checked types, traced and untraced labelled and styled apart",
           rc == 0 and dnode and handler and binding and "dashed" in got[dnode[0]]
           and "dashed" not in got[binding[0]], dot + err)
    if not (dnode and handler and binding):
        return
    expect("the types the cycle checks put on a cycle are marked, the others not",
           marked(got[dnode[0]]) and marked(got[handler[0]]) and not marked(got[binding[0]]),
           dot)
    marked_edges = {(a, b, label(attrs)) for a, b, attrs in edges(dot) if marked(attrs)}
    expect("dnode's next and prev fields are a marked cycle on itself",
           (dnode[0], dnode[0], "next\nprev") in marked_edges, dot)
    expect("binding.owner -> handler is drawn, not marked",
           any(a == binding[0] and b == handler[0] and not marked(attrs)
               for a, b, attrs in edges(dot)), dot)
    leaves = node_with(dot, "any object\n(rf_object *)")
    expect("any-object fields point to a leaf per struct, no rf_object hub",
           len(leaves) == 2 and not node_with(dot, "rf_object\n"), dot)
    expect("the title counts the checks' verdicts", "2 types on cycles" in dot, dot)
    rc, dot, err = run("graph", "--db", db, "--types", "--type-filter", "binding")
    expect("--type-filter binding: binding and its neighbour handler, not dnode",
           rc == 0 and node_with(dot, "binding") and node_with(dot, "handler")
           and not node_with(dot, "dnode"), dot + err)


def test_function_limit(db):
    rc, dot, err = run("graph", "--db", db, "--function", "make_range", "--max-nodes", "2")
    msg = "showing 1 of 2 references (3 of 5 nodes): 1 cut by the size limit --max-nodes 2"
    expect("--function: the size limit cuts whole references, said on stderr and in the picture",
           rc == 0 and msg in err and msg in dot and not node_with(dot, "rf_int_new"), dot + err)


SAME_NAME = """#include <rf.h>
static rf_object *helper(void) {
    rf_object *x = rf_int_new(%d);
    return x;
}
rf_object *use_%s(void) { return helper(); }
"""


def test_same_name(d):
    files = []
    for n, name in ((1, "one"), (2, "two")):
        path = os.path.join(d, name + ".c")
        with open(path, "w") as f:
            f.write(SAME_NAME % (n, name))
        files.append(path)
    db = os.path.join(d, "same.db")
    rc, out, err = run("check", "--rules", "rf", "--db", db, *files, "--", *RT)
    rc, _, err = run("graph", "--db", db, "--function", "helper")
    expect("two static functions of one name: exit 2, both named, --file suggested",
           rc == 2 and "2 functions are named 'helper'" in err and "one.c:2" in err
           and "two.c:2" in err and "--file" in err, err)
    rc, dot, err = run("graph", "--db", db, "--function", "helper", "--file", "two.c")
    expect("--file chooses one", rc == 0 and "two.c:3" in dot and "one.c:3" not in dot, dot + err)
    rc, _, err = run("graph", "--db", db, "--function", "helper", "--file", "three.c")
    expect("--file matching none: exit 2 saying where it is",
           rc == 2 and "in a file ending with 'three.c'" in err and "one.c:2" in err, err)


def test_check_first(d):
    db = os.path.join(d, "first.db")
    rc, dot, err = run("graph", "--db", db, "--function", "sum_and_drop", EXAMPLE, "--", *RT)
    expect("given files, graph checks them first", rc == 0 and
           node_with(dot, "'total' is passed to rf_int_value"), dot + err)


def main():
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "g.db")
        check_into(db)
        test_function(db, d)
        test_finding_path(db)
        test_formats(db, d)
        test_calls(db)
        test_errors(db, d)
        test_types(db)
        test_types_checked(d)
        test_function_limit(db)
        test_same_name(d)
        test_check_first(d)
    if failures:
        print("%d failed: %s" % (len(failures), ", ".join(failures)))
        sys.exit(1)
    print("all passed")


main()
