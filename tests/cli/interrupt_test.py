#!/usr/bin/env python3
"""interrupt_test.py: `refflow check --db` interrupted mid-run by SIGINT (and
SIGTERM). The run must stop taking files, exit with 128 + the signal, say how
many files it finished, end its run record, and leave a database that passes
SQLite's integrity check, holds exactly the finished units, and lets a re-run
reuse them and analyze only the rest, with the same findings as a run that
was never interrupted.

The workload: many generated files (each with a few hundred small functions,
one leak each), so the run is still going when the signal arrives; the
signal is sent once the database holds two units.
usage: interrupt_test.py REFFLOW SOURCE_DIR WORKDIR"""
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

REFFLOW, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
RT = ["-I" + os.path.join(SRC, "runtime", "include")]
NFILES, NFUNCS = 40, 150


def make_files(d):
    os.makedirs(d, exist_ok=True)
    files = []
    for n in range(NFILES):
        body = "".join(f"""
rf_object *f{n}_{i}(int k) {{
    rf_object *x = rf_int_new(k);
    if (k > {i})
        return NULL;
    return x;
}}
""" for i in range(NFUNCS))
        path = os.path.join(d, f"gen{n:03}.c")
        with open(path, "w") as fh:
            fh.write("#include <rf.h>\n" + body)
        files.append(path)
    return files


def stored_units(db):
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM tus").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def command(db, files, jobs=1):
    return [REFFLOW, "check", "-j", str(jobs), "--rules", "rf", "--db", db, *files, "--", *RT]


def interrupted_run(db, files, sig, jobs):
    p = subprocess.Popen(command(db, files, jobs), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    deadline = time.time() + 120
    while p.poll() is None and stored_units(db) < 2 and time.time() < deadline:
        time.sleep(0.05)
    p.send_signal(sig)
    out, err = p.communicate(timeout=120)
    return p.returncode, out, err


def check_db(db, sig, done, label):
    con = sqlite3.connect(db)
    try:
        ok = con.execute("PRAGMA integrity_check").fetchone()[0]
        run = con.execute("SELECT status, exit_status, finished IS NOT NULL, tus_analyzed "
                          "FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        units = con.execute("SELECT count(*) FROM tus").fetchone()[0]
    finally:
        con.close()
    expect(f"{label}: database passes the integrity check", ok == "ok", ok)
    expect(f"{label}: the run record is ended with exit status {128 + sig}",
           run is not None and run[1] == 128 + sig and run[2] == 1 and run[0] != "running", run)
    expect(f"{label}: the database holds exactly the {done} finished units", units == done,
           f"{units} units stored")


def case(sig, label, files, reference, jobs):
    db = os.path.join(WORK, f"{label}.db")
    rc, out, err = interrupted_run(db, files, sig, jobs)
    m = re.search(r"refflow: interrupted \((SIG\w+)\): (\d+) of (\d+) files analyzed; "
                  r"the database holds them; re-run to continue", err)
    expect(f"{label}: exits {128 + sig}", rc == 128 + sig, f"exit {rc}\n{err[-800:]}")
    expect(f"{label}: says what it finished", m is not None and m.group(1) == label
           and int(m.group(3)) == NFILES, err[-800:])
    if not m:
        return
    done = int(m.group(2))
    expect(f"{label}: stopped early (2 <= {done} < {NFILES})", 2 <= done < NFILES)
    reported = {l.split(":")[0] for l in out.splitlines() if ": warning: " in l}
    expect(f"{label}: findings reported for the finished files only", len(reported) == done,
           f"{len(reported)} files with findings, {done} finished")
    check_db(db, sig, done, label)
    p = subprocess.run(command(db, files), capture_output=True, text=True, timeout=300)
    expect(f"{label}: a re-run reuses the {done} finished units and analyzes only the rest",
           f"{done} of {NFILES} units unchanged and reused" in p.stderr, p.stderr[-400:])
    expect(f"{label}: the re-run's findings equal an uninterrupted run's",
           p.returncode == 1 and p.stdout == reference, p.stderr[-400:])


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    files = make_files(os.path.join(WORK, "src"))
    ref = subprocess.run([REFFLOW, "check", "--rules", "rf", "--no-db", *files, "--", *RT],
                         capture_output=True, text=True, timeout=600)
    expect("reference run: every file has findings", ref.returncode == 1 and
           len({l.split(":")[0] for l in ref.stdout.splitlines() if ": warning: " in l}) == NFILES,
           ref.stderr[-400:])
    case(signal.SIGINT, "SIGINT", files, ref.stdout, 1)
    case(signal.SIGTERM, "SIGTERM", files, ref.stdout, 2)  # two units in flight
    return finish()


if __name__ == "__main__":
    sys.exit(main())
