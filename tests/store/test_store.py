#!/usr/bin/env python3
"""test_store.py: the store seen from outside, with Python's sqlite3 module
(and the sqlite3 command when installed).

  - files that are not refflow databases (garbage bytes, a short text file,
    a broken SQLite file, SQLite databases of another application with and
    without an application_id, in rollback and WAL mode, newer and older
    refflow schemas, a directory) are refused with a message naming the path
    and the reason, and left byte-identical, with no -wal/-shm/-journal;
  - a missing file and an empty SQLite file become a refflow database with
    the right application_id, user_version, WAL mode and one table per
    analyzer/schema/*.sql;
  - a database locked by another process makes refflow wait for the busy
    timeout and then fail with a message saying so;
  - every example query in analyzer/schema/README.md runs on a real database
    and prints what the README says it prints.

usage: test_store.py TEST_STORE_BINARY SOURCE_DIR
"""
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

TEST_STORE, SRC = sys.argv[1], sys.argv[2]
RFLW = 0x52464C57
SCHEMA_VERSION = 3
failures = 0


def check(cond, what):
    global failures
    if not cond:
        failures += 1
        print("FAIL:", what, file=sys.stderr)
    return cond


def run(*args, timeout=60):
    return subprocess.run([TEST_STORE, *args], capture_output=True, text=True, timeout=timeout)


def side_files(path):
    return [p for p in (path + "-wal", path + "-shm", path + "-journal") if os.path.exists(p)]


def expect_refused(path, *phrases):
    before = open(path, "rb").read() if os.path.isfile(path) else None
    mtime = os.stat(path).st_mtime_ns
    r = run("open", path, "500")
    name = os.path.basename(path)
    check(r.returncode == 3, f"{name}: opened, should be refused (rc {r.returncode})")
    for phrase in (path + ": ",) + phrases:
        check(phrase in r.stderr, f"{name}: message lacks {phrase!r}: {r.stderr.strip()!r}")
    if before is not None:
        check(open(path, "rb").read() == before, f"{name}: file modified")
    check(os.stat(path).st_mtime_ns == mtime, f"{name}: mtime changed")
    check(not side_files(path), f"{name}: left {side_files(path)}")


def make_sqlite(path, app_id=None, user_version=None, wal=False, table=True):
    con = sqlite3.connect(path)
    if wal:
        con.execute("PRAGMA journal_mode = WAL")
    if app_id is not None:
        con.execute(f"PRAGMA application_id = {app_id}")
    if user_version is not None:
        con.execute(f"PRAGMA user_version = {user_version}")
    if table:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        con.execute("INSERT INTO notes (text) VALUES ('keep me')")
    con.commit()
    con.close()


def test_refusals(d):
    p = os.path.join(d, "garbage.db")
    with open(p, "wb") as f:
        f.write(b"\x7fELF" + os.urandom(4092))
    expect_refused(p, "file is not a database")

    p = os.path.join(d, "notes.txt")
    with open(p, "w") as f:
        f.write("hello\n")
    expect_refused(p, "file is not a database")

    p = os.path.join(d, "broken.db")  # an SQLite header, then garbage
    with open(p, "wb") as f:
        f.write(b"SQLite format 3\x00" + bytes(84) + os.urandom(8192))
    expect_refused(p)

    p = os.path.join(d, "other.db")
    make_sqlite(p, app_id=0x12345678)
    expect_refused(p, "another application", "0x12345678")

    p = os.path.join(d, "plain.db")
    make_sqlite(p)
    expect_refused(p, "another application", "no refflow application_id")

    p = os.path.join(d, "plain-wal.db")
    make_sqlite(p, wal=True)
    expect_refused(p, "another application")

    p = os.path.join(d, "newer.db")
    make_sqlite(p, app_id=RFLW, user_version=SCHEMA_VERSION + 1)
    expect_refused(p, "newer refflow", f"schema version {SCHEMA_VERSION + 1}")

    p = os.path.join(d, "older.db")
    make_sqlite(p, app_id=RFLW, user_version=0)
    expect_refused(p, "schema version 0", "older")

    p = os.path.join(d, "a-directory")
    os.mkdir(p)
    expect_refused(p, "is a directory")

    r = run("open", os.path.join(d, "no-such-dir", "x.db"))
    check(r.returncode == 3 and "cannot open database" in r.stderr,
          f"missing directory: {r.stderr.strip()!r}")


def check_is_refflow_db(path):
    con = sqlite3.connect(path)
    app = con.execute("PRAGMA application_id").fetchone()[0]
    version = con.execute("PRAGMA user_version").fetchone()[0]
    mode = con.execute("PRAGMA journal_mode").fetchone()[0]
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()
    name = os.path.basename(path)
    check(app == RFLW, f"{name}: application_id {app:#x}")
    check(version == SCHEMA_VERSION, f"{name}: user_version {version}")
    check(mode == "wal", f"{name}: journal_mode {mode}")
    want = {f[:-4] for f in os.listdir(os.path.join(SRC, "analyzer", "schema"))
            if f.endswith(".sql")}
    check(names == want, f"{name}: tables {sorted(names)}, want {sorted(want)}")


def test_creation(d):
    p = os.path.join(d, "new.db")
    r = run("open", p)
    check(r.returncode == 0, f"new.db: {r.stderr.strip()}")
    check_is_refflow_db(p)
    r = run("open", p)
    check(r.returncode == 0, f"new.db reopened: {r.stderr.strip()}")

    p = os.path.join(d, "empty-sqlite.db")
    make_sqlite(p, table=False)  # a valid SQLite file with nothing in it
    r = run("open", p)
    check(r.returncode == 0, f"empty-sqlite.db: {r.stderr.strip()}")
    check_is_refflow_db(p)

    p = os.path.join(d, "zero.db")
    open(p, "wb").close()
    r = run("open", p)
    check(r.returncode == 0, f"zero.db: {r.stderr.strip()}")
    check_is_refflow_db(p)


def hold_lock(path, statements, ready, release):
    con = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for s in statements:
        con.execute(s)
    ready.set()
    release.wait()
    con.execute("COMMIT")
    con.close()


def with_lock(path, statements, fn):
    ready, release = threading.Event(), threading.Event()
    t = threading.Thread(target=hold_lock, args=(path, statements, ready, release))
    t.start()
    ready.wait()
    try:
        return fn()
    finally:
        release.set()
        t.join()


def timed(*args):
    start = time.monotonic()
    r = run(*args)
    return r, time.monotonic() - start


def test_locked(d):
    p = os.path.join(d, "locked.db")
    check(run("open", p).returncode == 0, "locked.db: create")
    write = ["BEGIN IMMEDIATE",
             "INSERT INTO runs (started, command, tool_version, config_hash) "
             "VALUES ('now', 'other', 'other', '0')"]
    r, took = with_lock(p, write, lambda: timed("begin-run", p, "700"))
    check(r.returncode == 3, f"begin-run under a writer: rc {r.returncode}")
    check("database is locked" in r.stderr and p in r.stderr and "0.7 s" in r.stderr,
          f"locked message: {r.stderr.strip()!r}")
    check(0.6 <= took < 10, f"waited {took:.2f} s for a 0.7 s busy timeout")
    r = run("begin-run", p, "700")
    check(r.returncode == 0, f"begin-run after the writer: {r.stderr.strip()}")

    exclusive = ["PRAGMA locking_mode = EXCLUSIVE", "BEGIN EXCLUSIVE",
                 "INSERT INTO runs (started, command, tool_version, config_hash) "
                 "VALUES ('now', 'other', 'other', '0')"]
    r, took = with_lock(p, exclusive, lambda: timed("open", p, "500"))
    check(r.returncode == 3 and "database is locked" in r.stderr,
          f"open under an exclusive lock: rc {r.returncode} {r.stderr.strip()!r}")
    check(0.4 <= took < 10, f"waited {took:.2f} s for a 0.5 s busy timeout")
    check(run("open", p).returncode == 0, "open after the exclusive lock")


def readme_examples():
    text = open(os.path.join(SRC, "analyzer", "schema", "README.md")).read()
    pairs = re.findall(r"```sql\n(.*?)```\s*```text\n(.*?)```", text, re.S)
    check(len(pairs) >= 3, f"README has {len(pairs)} sql/text example pairs")
    return pairs


def fmt(row):
    return "|".join("" if v is None else str(v) for v in row)


def test_readme_queries(d):
    db = os.path.join(d, "ext.db")
    r = run("populate", db, d)
    if not check(r.returncode == 0, f"populate: {r.stderr.strip()}"):
        return
    con = sqlite3.connect(db)
    check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check")
    check(con.execute("PRAGMA foreign_key_check").fetchall() == [], "foreign_key_check")
    cli = shutil.which("sqlite3")
    for sql, want in readme_examples():
        got = "".join(fmt(row) + "\n" for row in con.execute(sql))
        check(got == want, f"query\n{sql}printed\n{got}want\n{want}")
        if cli:
            out = subprocess.run([cli, db], input=sql, capture_output=True, text=True)
            check(out.returncode == 0 and out.stdout == want,
                  f"sqlite3 command: {out.stderr.strip()}\n{out.stdout}want\n{want}")
    con.close()


def main():
    with tempfile.TemporaryDirectory(prefix="refflow-store-py-") as d:
        d = os.path.realpath(d)
        test_refusals(d)
        test_creation(d)
        test_locked(d)
        test_readme_queries(d)
    if failures:
        print(f"{failures} check(s) failed", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
