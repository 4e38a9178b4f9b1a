#!/usr/bin/env python3
"""cli_test.py: end-to-end tests of the refflow command: exit codes, the
diagnostic format, JSON output, bad input (missing file, broken C, bad rule
line, missing compile database), and -j determinism.
usage: cli_test.py REFFLOW SOURCE_DIR"""
import json
import os
import subprocess
import sys
import tempfile

REFFLOW, SRC = sys.argv[1], sys.argv[2]
DATA = os.path.join(SRC, "tests", "cli", "data")
RT = ["-I" + os.path.join(SRC, "runtime", "include")]
failures = []


def run(*args, cwd=None, timeout=120):
    p = subprocess.run([REFFLOW, *args], capture_output=True, text=True, timeout=timeout, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def expect(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name)
    if not cond:
        failures.append(name)
        if detail:
            print("     " + detail.replace("\n", "\n     "))


def data(name):
    return os.path.join(DATA, name)


def test_version_help():
    rc, out, _ = run("--version")
    expect("--version exits 0 and names libclang", rc == 0 and "refflow" in out and "clang" in out, out)
    rc, out, _ = run("--help")
    expect("--help lists check", rc == 0 and "check" in out, out)
    rc, out, err = run("check", "--help", "--no-such-option")
    expect("check --help prints its usage and exits 0 (the parser no longer exits itself)",
           rc == 0 and "usage: refflow check" in out and "--max-paths" in out and not err, out + err)
    rc, _, err = run("check", "--no-such-option", data("clean.c"))
    expect("unknown option exits 2 with a message", rc == 2 and "--no-such-option" in err, err)
    rc, _, err = run("check")
    expect("no input exits 2", rc == 2 and "no input" in err, err)


def test_list_rules():
    rc, out, err = run("check", "--rules", "cpython", "--list-rules")
    lines = out.splitlines()
    expect("--list-rules exits 0", rc == 0, err)
    expect("--list-rules lists fn rules with their sources",
           any(l.startswith("fn Py_BuildValue ") for l in lines) and "# " in out, out[:400])
    for line in ("type PyObject", "refcount-field ob_refcnt", "trusted Py_INCREF",
                 "error-check PyErr_Occurred", "module-state PyModule_GetState",
                 "cannot-fail PyLong_FromLong arg1 -5 256"):
        expect("--list-rules lists '%s'" % line, line in lines, out[-600:])


def test_exit_codes_and_format():
    rc, out, err = run("check", "--rules", "rf", data("clean.c"), "--", *RT)
    expect("clean file exits 0 with no output", rc == 0 and out == "", out + err)
    rc, out, err = run("check", "--rules", "rf", data("leaky.c"), "--", *RT)
    lines = out.splitlines()
    expect("leaky file exits 1", rc == 1, out + err)
    expect("diagnostic format file:line:col: warning: ... [refflow-leak]",
           bool(lines) and lines[0].startswith(data("leaky.c") + ":8:")
           and ": warning: leak of new reference 'x'" in lines[0]
           and lines[0].endswith("[refflow-leak]"), out)
    expect("notes follow the finding", any(": note: new reference acquired here" in l for l in lines), out)
    expect("summary on stderr", "1 finding" in err, err)


def test_json():
    rc, out, err = run("check", "--format", "json", "--rules", "rf", data("leaky.c"), "--", *RT)
    try:
        doc = json.loads(out)
        f = doc["findings"][0]
        ok = (rc == 1 and f["check"] == "leak" and f["location"]["line"] == 8
              and f["path"] and f["function"] == "leaky")
    except (ValueError, KeyError, IndexError) as e:
        ok, out = False, out + str(e)
    expect("--format json is valid and complete", ok, out)


def test_bad_input():
    rc, _, err = run("check", "--rules", "rf", data("missing.c"), "--", *RT)
    expect("missing file exits 2 naming the file", rc == 2 and "missing.c" in err, err)
    rc, out, err = run("check", "--verify", "--rules", "rf", data("broken.c"), "--", *RT)
    expect("broken file: warning on stderr, analyzed anyway, leak found",
           rc == 0 and "no_such_header.h" in err and "warning" in err, out + err)
    rc, _, err = run("check", "--rules", data("bad.rules"), data("clean.c"), "--", *RT)
    expect("bad rule line exits 2 with file:line", rc == 2 and "bad.rules:3:" in err, err)
    with tempfile.TemporaryDirectory() as d:
        rc, _, err = run("check", "-p", d)
        expect("missing compile database exits 2 naming it",
               rc == 2 and "compile_commands.json" in err, err)
    test_endless_inputs()


def test_endless_inputs():
    """Inputs read whole that are not files: reading /dev/zero never ended
    (a hang and an allocation without bound); each is now refused at once."""
    with tempfile.TemporaryDirectory() as d:
        os.symlink("/dev/zero", os.path.join(d, "compile_commands.json"))
        cases = [("--rules /dev/zero", ["--rules", "/dev/zero"], "/dev/zero: cannot read rule file"),
                 ("--rules DIR", ["--rules", d], d + ": cannot read rule file: is a directory"),
                 ("--baseline /dev/zero", ["--baseline", "/dev/zero"],
                  "/dev/zero: cannot read the baseline"),
                 ("-p DIR with compile_commands.json -> /dev/zero", ["-p", d],
                  "compile_commands.json: cannot read compilation database")]
        for label, args, want in cases:
            try:
                rc, _, err = run("check", "--no-db", *args, data("clean.c"), "--", *RT, timeout=20)
            except subprocess.TimeoutExpired:
                rc, err = None, "timed out"
            expect(f"{label}: exits 2 at once naming it", rc == 2 and want in err, err)


def test_compdb_and_jobs():
    with tempfile.TemporaryDirectory() as d:
        entries = [{"directory": DATA, "file": f, "arguments": ["cc", "-c", *RT, f]}
                   for f in ("clean.c", "leaky.c", "broken.c")]
        with open(os.path.join(d, "compile_commands.json"), "w") as fh:
            json.dump(entries, fh)
        rc1, out1, _ = run("check", "--rules", "rf", "-p", d)
        rc2, out2, _ = run("check", "--rules", "rf", "-p", d, "-j", "3")
        expect("-p reads the compile database (relative paths)", rc1 == 1 and "leaky.c:8:" in out1, out1)
        expect("-j 3 output identical to -j 1", out1 == out2 and rc1 == rc2, out1 + "\n---\n" + out2)


def test_checks_filter():
    rc, out, _ = run("check", "--checks", "-*,over-release", "--rules", "rf", data("leaky.c"), "--", *RT)
    expect("--checks -*,over-release hides the leak", rc == 0 and out == "", out)
    rc, _, err = run("check", "--checks", "leek", data("leaky.c"))
    expect("--checks with an unknown ID exits 2", rc == 2 and "leek" in err, err)


def test_database():
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "leaky.c")
        with open(data("leaky.c")) as fh, open(src, "w") as out:
            out.write(fh.read())
        db = os.path.join(d, "r.db")
        args = ("check", "--db", db, "--rules", "rf", src, "--", *RT)
        rc1, out1, err1 = run(*args)
        rc2, out2, err2 = run(*args)
        expect("--db: first run analyzes, second reuses the unchanged unit",
               "0 of 1 unit unchanged" in err1 and "1 of 1 unit unchanged" in err2, err1 + err2)
        expect("--db: reused findings are identical", rc1 == rc2 == 1 and out1 == out2, out1 + out2)
        with open(src, "a") as out:
            out.write("/* edited */\n")
        rc3, out3, err3 = run(*args)
        expect("--db: an edited file is analyzed again", "0 of 1 unit unchanged" in err3 and rc3 == 1, err3)
        bad = os.path.join(d, "garbage.db")
        with open(bad, "wb") as fh:
            fh.write(b"this is not a database" * 50)
        before = open(bad, "rb").read()
        rc, _, err = run("check", "--db", bad, "--rules", "rf", src, "--", *RT)
        expect("--db: a corrupt/foreign file is refused (exit 2, named) and left as it was",
               rc == 2 and "garbage.db" in err and open(bad, "rb").read() == before, err)


for t in [test_database, test_version_help, test_list_rules, test_exit_codes_and_format, test_json,
          test_bad_input, test_compdb_and_jobs, test_checks_filter]:
    t()
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
