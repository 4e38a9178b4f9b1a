#!/usr/bin/env python3
"""cycles_test.py: the cycle checks end to end, beyond what --verify compares:
cycle-created's severity (warning for an untraced type, note for a traced
container) in text and JSON output, and the type reference graph rows that
`refflow check` writes to the database (types, type_edges), on corpus files
and on the runtime's own sources (whose list and map types are traced).
usage: cycles_test.py REFFLOW SOURCE_DIR"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

REFFLOW, SRC = sys.argv[1], sys.argv[2]
RF = os.path.join(SRC, "tests", "corpus", "rf")
RT = ["-I" + os.path.join(SRC, "runtime", "include")]
failures = []


def run(*args):
    p = subprocess.run([REFFLOW, *args], capture_output=True, text=True, timeout=300)
    return p.returncode, p.stdout, p.stderr


def expect(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name)
    if not cond:
        failures.append(name)
        if detail:
            print("     " + str(detail).replace("\n", "\n     "))


def rf(name):
    return os.path.join(RF, name)


def test_severity():
    ring, selfa = rf("cycle_created_node_ring_bug.c"), rf("cycle_created_self_append_bug.c")
    rc, out, err = run("check", "--no-db", "--rules", "rf", ring, selfa, "--", *RT)
    lines = [l for l in out.splitlines() if l.endswith("[refflow-cycle-created]")]
    expect("cycle-created findings exit 1", rc == 1, err)
    expect("untraced ring: a warning at the closing store",
           any(l.startswith(ring + ":33:") and ": warning: storing 'a' in 'b->prev'" in l
               and "never freed" in l for l in lines), out)
    expect("self-appended list: a note",
           any(l.startswith(selfa + ":10:") and ": note: storing 'l' in 'l' with rf_list_append"
               in l for l in lines), out)
    rc, out, _ = run("check", "--no-db", "--format", "json", "--rules", "rf", ring, selfa, "--", *RT)
    found = json.loads(out)["findings"]
    sev = sorted((f["severity"], f["check"]) for f in found if f["check"].startswith("cycle"))
    expect("JSON severities", sev == [("note", "cycle-created"), ("warning", "cycle-created"),
                                      ("warning", "cycle-untraced")], sev)


def rows(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_rows(d):
    db = os.path.join(d, "t.db")
    rc, _, err = run("check", "--db", db, "--rules", "rf", rf("cycle_created_node_ring_bug.c"),
                     rf("cycle_untraced_unvisited_field_bug.c"), "--", *RT)
    expect("check with a database", rc == 1, err)
    t = rows(db, "SELECT name, flavor, type_object, traced, why_untraced, on_cycle FROM types "
                 "ORDER BY name")
    expect("types rows", t == [
        ("dnode", "rf", "dnode_type", 0, "its rf_type 'dnode_type' has no traverse", 1),
        ("tnode", "rf", "tnode_type", 1, None, 1)], t)
    e = rows(db, "SELECT struct_type, field, target_type, kind, owned, visited, on_cycle "
                 "FROM type_edges ORDER BY struct_type, field")
    expect("type_edges rows", e == [
        ("dnode", "next", "dnode", "type", 1, None, 1),
        ("dnode", "prev", "dnode", "type", 1, None, 1),
        ("tnode", "children", "rf_object", "any", 1, 1, 1),
        ("tnode", "parent", "tnode", "type", 1, 0, 1)], e)


def test_runtime(d):
    db = os.path.join(d, "rt.db")
    srcs = [os.path.join(SRC, "runtime", "src", f) for f in ("list.c", "map.c")]
    rc, out, err = run("check", "--db", db, "--rules", "rf", *srcs, "--", *RT,
                       "-I" + os.path.join(SRC, "runtime", "src"))
    expect("runtime list/map: no findings", rc == 0 and out == "", out + err)
    t = rows(db, "SELECT type_object, traced, gc_tracked FROM types ORDER BY type_object")
    expect("runtime list and map types are traced",
           t == [("rf_list_type", 1, 1), ("rf_map_type", 1, 1)], t)
    e = rows(db, "SELECT struct_type, kind, visited FROM type_edges "
                 "WHERE struct_type IN (SELECT name FROM types) AND owned = 1")
    expect("their item arrays are containers the traverse visits",
           e and all(k == "container" and v == 1 for _, k, v in e), e)


def main():
    test_severity()
    with tempfile.TemporaryDirectory() as d:
        test_rows(d)
        test_runtime(d)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
