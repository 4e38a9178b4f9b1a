#!/usr/bin/env python3
"""xtu_test.py: summaries across translation units with the database:
what is re-parsed when one file changes (counted from refflow's database
line and the runs table), that findings follow a helper's contract into the
files that call it, that -j does not change the output, and what the
database records (functions' summaries and linkage, each unit's
dependencies).
usage: xtu_test.py REFFLOW SOURCE_DIR"""
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

REFFLOW, SRC = sys.argv[1], sys.argv[2]
RT = ["-I" + os.path.join(SRC, "runtime", "include")]
failures = []

HELPER_NEW = """/* helper.c */
#include <rf.h>

rf_object *make_item(rf_object *list)
{
    rf_object *x = rf_list_get(list, 0);
    if (x == NULL)
        return NULL;
    return rf_newref(x);
}
"""
# Same contract, only a comment differs.
HELPER_NEW_COMMENT = HELPER_NEW.replace("/* helper.c */", "/* helper.c: edited comment */")
# Every result borrowed now: the summary changes.
HELPER_BORROWED = """/* helper.c */
#include <rf.h>

rf_object *make_item(rf_object *list)
{
    return rf_list_get(list, 0);
}
"""
USER = """/* user.c */
#include <rf.h>

rf_object *make_item(rf_object *list);

long first_value(rf_object *list)
{
    rf_object *x = make_item(list);
    if (x == NULL)
        return -1;
    return rf_int_value(x);
}
"""
OTHER = """/* other.c: calls nothing of the others */
#include <rf.h>

long other_len(rf_object *list)
{
    return rf_list_len(list);
}
"""
LATER = """/* later.c: defines what user2.c calls */
#include <rf.h>

rf_object *later_item(rf_object *list)
{
    rf_object *x = rf_list_get(list, 0);
    if (x == NULL)
        return NULL;
    return rf_newref(x);
}
"""
USER2 = """/* user2.c */
#include <rf.h>

rf_object *later_item(rf_object *list);

long later_value(rf_object *list)
{
    rf_object *x = later_item(list);
    if (x == NULL)
        return -1;
    return rf_int_value(x);
}
"""


def expect(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name)
    if not cond:
        failures.append(name)
        if detail:
            print("     " + detail.replace("\n", "\n     "))


def write(d, name, text):
    with open(os.path.join(d, name), "w") as fh:
        fh.write(text)


def check(d, files, db, *extra):
    p = subprocess.run([REFFLOW, "check", "--db", db, *extra, "--rules", "rf", *files, "--", *RT],
                       capture_output=True, text=True, timeout=120, cwd=d)
    return p.returncode, p.stdout, p.stderr


def counts(err):
    """(reused, analyzed, invalidated) from the database line."""
    m = re.search(r"(\d+) of (\d+) units? unchanged and reused; (\d+) analyzed "
                  r"\((\d+) of them unchanged", err)
    return (int(m.group(1)), int(m.group(3)), int(m.group(4))) if m else None


def last_run(db):
    con = sqlite3.connect(db)
    row = con.execute("SELECT tus_analyzed, tus_reused FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    con.close()
    return row


def test_incremental():
    with tempfile.TemporaryDirectory() as d:
        write(d, "helper.c", HELPER_NEW)
        write(d, "user.c", USER)
        write(d, "other.c", OTHER)
        files = ["helper.c", "user.c", "other.c"]
        db = os.path.join(d, "r.db")
        rc, out, err = check(d, files, db)
        expect("first run analyzes all three", counts(err) == (0, 3, 0), err)
        expect("a new result of a helper in another file leaks in the caller",
               rc == 1 and "user.c:11:5: warning: leak of new reference 'x' (from make_item" in out,
               out + err)
        expect("runs table: 3 analyzed, 0 reused", last_run(db) == (3, 0), str(last_run(db)))

        rc2, out2, err2 = check(d, files, db)
        expect("unchanged: nothing re-parsed", counts(err2) == (3, 0, 0), err2)
        expect("unchanged: same findings", rc2 == rc and out2 == out, out2)

        write(d, "helper.c", HELPER_NEW_COMMENT)
        rc3, out3, err3 = check(d, files, db)
        expect("comment changed in the helper: only helper.c re-parsed", counts(err3) == (2, 1, 0),
               err3)
        expect("comment changed: same findings", out3 == out, out3)
        expect("runs table: 1 analyzed, 2 reused", last_run(db) == (1, 2), str(last_run(db)))

        write(d, "helper.c", HELPER_BORROWED)
        rc4, out4, err4 = check(d, files, db)
        expect("helper's contract changed: helper.c and user.c re-analyzed, other.c reused",
               counts(err4) == (1, 2, 1), err4)
        expect("helper's contract changed: the caller's leak disappears, the helper's "
               "borrowed return appears",
               "user.c" not in out4 and "helper.c:6:5: warning: returning borrowed reference" in out4,
               out4)

        rc5, out5, err5 = check(d, files, db)
        expect("after that: nothing re-parsed", counts(err5) == (3, 0, 0), err5)
        expect("after that: same findings", out5 == out4, out5)

        write(d, "helper.c", HELPER_NEW)
        rc6, out6, err6 = check(d, files, db)
        expect("contract changed back: the caller's leak appears again",
               counts(err6) == (1, 2, 1) and out6 == out, out6 + err6)
        db_contents(db)


def db_contents(db):
    con = sqlite3.connect(db)
    rows = con.execute("SELECT name, returns, params, summary_from, linkage FROM functions "
                       "ORDER BY name").fetchall()
    expect("functions table: summaries and linkage",
           ("make_item", "new?", "borrow?", "convention", "extern") in rows, str(rows))
    deps = con.execute("SELECT t.file, d.name, d.summary FROM tu_dependencies d "
                       "JOIN tus t ON t.id = d.tu_id ORDER BY t.file").fetchall()
    expect("tu_dependencies: user.c used make_item's summary",
           deps == [("user.c", "make_item", "fn make_item new? borrow?")], str(deps))
    con.close()


def test_new_definition():
    """A call to a function no unit defined is recorded as such: adding the
    file that defines it re-analyzes the caller."""
    with tempfile.TemporaryDirectory() as d:
        write(d, "user2.c", USER2)
        write(d, "other.c", OTHER)
        db = os.path.join(d, "r.db")
        rc, out, err = check(d, ["user2.c", "other.c"], db)
        expect("unknown callee: no finding", rc == 0 and out == "", out + err)
        write(d, "later.c", LATER)
        rc, out, err = check(d, ["user2.c", "other.c", "later.c"], db)
        expect("the definition appears: the caller is re-analyzed, other.c reused",
               counts(err) == (1, 2, 1), err)
        expect("the definition appears: the caller's leak is found",
               rc == 1 and "user2.c:11:5: warning: leak" in out, out)


def test_jobs_deterministic():
    multi = os.path.join(SRC, "tests", "corpus", "multi")
    cases = sorted(c for c in os.listdir(multi) if c.startswith("rf_"))
    files = [os.path.join(multi, c, f) for c in cases
             for f in sorted(os.listdir(os.path.join(multi, c))) if f.endswith(".c")]
    outs = []
    for j in ("1", "2", "4"):
        p = subprocess.run([REFFLOW, "check", "--no-db", "-j", j, "--rules", "rf", *files, "--", *RT],
                           capture_output=True, text=True, timeout=300)
        outs.append(p.stdout)
    expect("-j 1, 2 and 4 give the same findings over the multi-file corpus",
           outs[0] == outs[1] == outs[2] and outs[0].count("[refflow-") > 5, outs[0])


test_incremental()
test_new_definition()
test_jobs_deterministic()
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
