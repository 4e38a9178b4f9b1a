#!/usr/bin/env python3
"""ci_test.py: tests of refflow check's CI features: SARIF output (validated
against the official SARIF 2.1.0 JSON schema with ajv, offline), fingerprint
stability, baselines, in-source suppressions, and the progress display.

usage: ci_test.py features REFFLOW SOURCE_DIR
       ci_test.py sarif-schema REFFLOW SOURCE_DIR CACHE_DIR

sarif-schema installs its tools into CACHE_DIR (in the build tree) the first
time: ajv and ajv-formats with `npm ci` from tests/ci/package-lock.json, and
the schema file from the npm package named in tests/ci/package.json
(`npm pack`, then its sha256 is checked). Without node and npm it exits 77
(skipped)."""
import hashlib
import json
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tarfile
import tempfile

GROUP, REFFLOW, SRC = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
HERE = os.path.join(SRC, "tests", "ci")
DATA = os.path.join(HERE, "data")
RT = ["-I" + os.path.join(SRC, "runtime", "include")]
failures = []


def run(*args, cwd=None):
    p = subprocess.run([REFFLOW, *args], capture_output=True, text=True, timeout=120, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def check(files, *opts, cwd=None):
    """refflow check --rules rf OPTS FILES -- -I runtime/include"""
    return run("check", "--rules", "rf", *opts, *files, "--", *RT, cwd=cwd)


def expect(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name)
    if not cond:
        failures.append(name)
        if detail:
            print("     " + str(detail).replace("\n", "\n     "))


def read(path):
    with open(path) as f:
        return f.read()


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def sarif_results(out):
    """[(line, fingerprint, ruleId)] of a SARIF log's results."""
    res = json.loads(out)["runs"][0]["results"]
    return [(r["locations"][0]["physicalLocation"]["region"]["startLine"],
             r["partialFingerprints"]["refflowFingerprint/v1"], r["ruleId"]) for r in res]


def fingerprints(d, name):
    rc, out, err = check([name], "--format", "sarif", cwd=d)
    return sarif_results(out)


def insert_above(text, marker, lines):
    i = text.index(marker)
    return text[:i] + lines + text[i:]


# --- SARIF structure (no schema) ---------------------------------------------

def test_sarif_structure():
    rc, out, err = check(["tests/ci/data/leaks.c"], "--format", "sarif", cwd=SRC)
    doc = json.loads(out)
    run0 = doc["runs"][0]
    driver = run0["tool"]["driver"]
    rules = [r["id"] for r in driver["rules"]]
    expect("sarif: exit status 1 with findings, version 2.1.0", rc == 1 and doc["version"] == "2.1.0",
           err)
    expect("sarif: driver has name, version, informationUri and one rule per check",
           driver["name"] == "refflow" and driver["version"] and driver["informationUri"]
           and "leak" in rules and "over-release" in rules and len(rules) == len(set(rules)), driver)
    expect("sarif: every rule has descriptions, help and a default level",
           all(r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
               and r["defaultConfiguration"]["level"] for r in driver["rules"]))
    res = run0["results"][0]
    loc = res["locations"][0]["physicalLocation"]
    expect("sarif: ruleIndex points at the rule", rules[res["ruleIndex"]] == res["ruleId"] == "leak",
           res)
    expect("sarif: location is repo-relative against %SRCROOT%",
           loc["artifactLocation"] == {"uri": "tests/ci/data/leaks.c", "uriBaseId": "%SRCROOT%"}
           and loc["region"]["startLine"] == 9 and loc["region"]["startColumn"] == 5, loc)
    expect("sarif: %SRCROOT% is the current directory as a file URI",
           run0["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + os.path.realpath(SRC) + "/")
    flow = res["codeFlows"][0]["threadFlows"][0]["locations"]
    expect("sarif: the path is a thread flow with messages and kinds",
           [l["kinds"] for l in flow] == [["acquire"], ["exit", "return"]]
           and flow[0]["location"]["message"]["text"] == "new reference acquired here", flow)
    expect("sarif: fingerprint is 16 hex digits",
           re.fullmatch(r"[0-9a-f]{16}", res["partialFingerprints"]["refflowFingerprint/v1"]) is not None)
    rc, out2, _ = check(["data/leaks.c"], "--format", "sarif", "--source-root", "../..", cwd=HERE)
    uri = json.loads(out2)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    expect("sarif: --source-root DIR makes URIs relative to DIR",
           uri["artifactLocation"]["uri"] == "tests/ci/data/leaks.c", uri)
    rc, out3, _ = check(["tests/ci/data/leaks.c", "tests/ci/data/leaks.c"], "--format", "sarif",
                        "-j", "2", cwd=SRC)
    expect("sarif: fingerprints do not depend on the run's paths or -j",
           sarif_results(out3) == sarif_results(out), out3)


# --- fingerprints ----------------------------------------------------------------

def test_fingerprints():
    with tempfile.TemporaryDirectory() as d:
        base = read(os.path.join(DATA, "leaks.c"))
        write(os.path.join(d, "leaks.c"), base)
        before = fingerprints(d, "leaks.c")
        fps = [fp for _, fp, _ in before]
        expect("fingerprints: unique within a run, also for identical lines (occurrence index)",
               len(before) >= 4 and len(set(fps)) == len(fps), before)

        shifted = insert_above(base, "long first", "\n\n/* a comment\n * added above */\n\n")
        write(os.path.join(d, "leaks.c"), shifted)
        after = fingerprints(d, "leaks.c")
        expect("fingerprints: same after inserting blank lines and comments above",
               [fp for _, fp, _ in after] == fps and after[0][0] == before[0][0] + 5,
               f"{before}\n{after}")

        respaced = base.replace("    return rf_int_value(x);", "\treturn \t rf_int_value(x);   ")
        write(os.path.join(d, "leaks.c"), respaced)
        expect("fingerprints: same after re-spacing the offending line",
               [fp for _, fp, _ in fingerprints(d, "leaks.c")] == fps)

        changed = base.replace("return rf_int_value(x);", "return (long)rf_int_value(x);")
        write(os.path.join(d, "leaks.c"), changed)
        now = fingerprints(d, "leaks.c")
        expect("fingerprints: different after changing the offending line, others unchanged",
               now[0][1] != fps[0] and [fp for _, fp, _ in now[1:]] == fps[1:], f"{before}\n{now}")


# --- baselines -------------------------------------------------------------------

NEW_BUG = """
long third(long v) {
    rf_object *z = rf_int_new(v);
    if (!z)
        return -1;
    return rf_int_value(z);
}
"""


def test_baseline():
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "leaks.c")
        base = read(os.path.join(DATA, "leaks.c"))
        write(src, base)
        rc, out, err = check(["leaks.c"], "--write-baseline", "base.txt", cwd=d)
        text = read(os.path.join(d, "base.txt"))
        body = [l for l in text.splitlines() if l and not l.startswith("#")]
        expect("baseline: --write-baseline exits 0, still reports", rc == 0 and "leaks.c:9:5" in out,
               out + err)
        expect("baseline: header, then FINGERPRINT CHECK FILE:LINE MESSAGE per finding",
               text.startswith("# refflow baseline v1\n") and len(body) >= 4
               and re.fullmatch(r"[0-9a-f]{16}\tleak\tleaks\.c:9\tleak of new reference 'x'.*", body[0]),
               text)

        rc, out, err = check(["leaks.c"], "--baseline", "base.txt", cwd=d)
        expect("baseline: re-run reports nothing new, exit 0", rc == 0 and out == "", out + err)
        expect("baseline: the summary counts the known findings",
               re.search(r"0 findings.*; %d in the baseline" % len(body), err) is not None, err)

        write(src, insert_above(base, "long first", "/* moved */\n\n") + NEW_BUG)
        rc, out, err = check(["leaks.c"], "--baseline", "base.txt", cwd=d)
        lines = [l for l in out.splitlines() if ": warning:" in l]
        expect("baseline: a new bug is the only finding reported, exit 1",
               rc == 1 and len(lines) == 1 and "'z'" in lines[0], out + err)

        rc, out, err = check(["leaks.c"], "--format", "sarif", "--baseline", "base.txt", cwd=d)
        expect("baseline: applies to SARIF too", rc == 1 and len(sarif_results(out)) == 1, out + err)

        rc, _, err = check(["leaks.c"], "--baseline", "missing.txt", cwd=d)
        expect("baseline: missing file exits 2 naming it", rc == 2 and "missing.txt" in err, err)
        write(os.path.join(d, "bad.txt"), "# refflow baseline v1\n# comment\nnot-a-fingerprint leak\n")
        rc, _, err = check(["leaks.c"], "--baseline", "bad.txt", cwd=d)
        expect("baseline: malformed line exits 2 with file:line", rc == 2 and "bad.txt:3:" in err, err)
        write(os.path.join(d, "bad2.txt"), "something else\n")
        rc, _, err = check(["leaks.c"], "--baseline", "bad2.txt", cwd=d)
        expect("baseline: a file without the header exits 2 with file:1",
               rc == 2 and "bad2.txt:1:" in err, err)


# --- suppressions ----------------------------------------------------------------

def test_suppressions():
    f = "tests/ci/data/suppressed.c"
    rc, out, err = check([f], cwd=SRC)
    reported = sorted(int(m) for m in re.findall(r"suppressed\.c:(\d+):\d+: warning", out))
    text = read(os.path.join(SRC, f)).splitlines()
    line_of = {name: next(i for i, l in enumerate(text, 1) if l.startswith("long " + name))
               for name in ("same_line", "line_above", "every_check", "no_reason", "wrong_check",
                            "trailing_above", "unknown_check")}
    def in_fn(name):
        return [l for l in reported if line_of[name] < l < line_of[name] + 7]
    expect("suppress: same line", in_fn("same_line") == [], out)
    expect("suppress: comment on the line above", in_fn("line_above") == [], out)
    expect("suppress: [*]", in_fn("every_check") == [], out)
    expect("suppress: the wrong check ID does not suppress", len(in_fn("wrong_check")) == 1, out)
    expect("suppress: a trailing comment on the line above does not reach",
           len(in_fn("trailing_above")) == 1, out)
    expect("suppress: an unknown check ID suppresses nothing, with a warning",
           len(in_fn("unknown_check")) == 1 and "unknown check 'leek'" in err, out + err)
    expect("suppress: no reason still suppresses, with a warning",
           in_fn("no_reason") == [] and re.search(r"suppressed\.c:%d:\d+: warning: refflow-ignore without a reason"
                                                 % (line_of["no_reason"] + 4), err), err)
    expect("suppress: exit 1 and the summary counts the suppressed",
           rc == 1 and "3 findings" in err and "4 suppressed" in err, err)

    rc, out, err = check([f], "--list-suppressed", cwd=SRC)
    listed = [l for l in out.splitlines() if ": suppressed: " in l]
    expect("suppress: --list-suppressed prints file:line, check and reason",
           len(listed) == 4 and any(l.startswith(f + ":%d:" % (line_of["same_line"] + 4))
                                    and "[refflow-leak]" in l and "reason: suppressed on its own line" in l
                                    for l in listed)
           and any("reason: (none given)" in l for l in listed), out)

    rc, out, err = check([f], "--format", "sarif", "--list-suppressed", cwd=SRC)
    res = json.loads(out)["runs"][0]["results"]
    sup = [r for r in res if r.get("suppressions")]
    expect("suppress: SARIF with --list-suppressed marks them inSource with the justification",
           len(res) == 7 and len(sup) == 4 and sup[0]["suppressions"][0]["kind"] == "inSource"
           and sup[0]["suppressions"][0]["justification"] == "suppressed on its own line", out)
    rc, out, _ = check([f], "--format", "sarif", cwd=SRC)
    expect("suppress: SARIF leaves them out by default", len(json.loads(out)["runs"][0]["results"]) == 3)

    with tempfile.TemporaryDirectory() as d:
        rc, _, _ = check([f], "--write-baseline", os.path.join(d, "b.txt"), cwd=SRC)
        body = [l for l in read(os.path.join(d, "b.txt")).splitlines() if not l.startswith("#")]
        expect("suppress: suppressed findings are not written to a baseline", len(body) == 3, body)


# --- progress ----------------------------------------------------------------------

def run_on_pty(args, cwd):
    """Runs refflow with stderr on a pseudo-terminal; (rc, stdout, stderr bytes)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([REFFLOW, *args], stdout=subprocess.PIPE, stderr=slave, cwd=cwd)
    os.close(slave)
    err = b""
    while True:
        r, _, _ = select.select([master], [], [], 120)
        if not r:
            break
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the other side is closed
            break
        if not chunk:
            break
        err += chunk
    out = p.stdout.read()
    rc = p.wait(timeout=120)
    os.close(master)
    return rc, out.decode(), err.decode(errors="replace")


def test_progress():
    files = ["tests/ci/data/leaks.c", "tests/ci/data/clean.c"]
    args = ["check", "--rules", "rf", *files, "--", *RT]
    rc, out, err = run_on_pty(args, SRC)
    expect("progress: on a terminal, [i/n] file updated in place",
           "[1/2] tests/ci/data/leaks.c" in err and "[2/2] tests/ci/data/clean.c" in err
           and "\r\x1b[K" in err, repr(err))
    summary_at = err.find("refflow: ")
    expect("progress: the line is cleared before the summary",
           summary_at > 0 and err[:summary_at].endswith("\r\x1b[K"), repr(err))
    expect("progress: the report itself has no escape codes", "\x1b" not in out and "leaks.c:9:5" in out)
    rc, out, err = run_on_pty(["check", "-q", "--rules", "rf", *files, "--", *RT], SRC)
    expect("progress: -q shows none", "[1/2]" not in err, repr(err))
    rc, out, err = check(files, "-j", "2", cwd=SRC)
    expect("progress: none when stderr is not a terminal", "[1/2]" not in err and "\x1b" not in err, err)


# --- SARIF schema (npm) ------------------------------------------------------------

def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def npm(args, cwd):
    print("     npm " + " ".join(args), flush=True)
    p = subprocess.run(["npm", *args, "--no-audit", "--no-fund", "--ignore-scripts"], cwd=cwd,
                       capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        sys.exit("npm %s failed:\n%s%s" % (args[0], p.stdout, p.stderr))
    return p.stdout


def install_tools(cache):
    """ajv + ajv-formats from the lock, and the schema; (node_modules, schema)."""
    os.makedirs(cache, exist_ok=True)
    stamp = sha256(os.path.join(HERE, "package.json")) + sha256(os.path.join(HERE, "package-lock.json"))
    stamp_file = os.path.join(cache, "installed.stamp")
    modules = os.path.join(cache, "node_modules")
    if not (os.path.exists(stamp_file) and read(stamp_file) == stamp
            and os.path.isdir(os.path.join(modules, "ajv-formats"))):
        for name in ("package.json", "package-lock.json"):
            shutil.copy(os.path.join(HERE, name), cache)
        npm(["ci"], cache)
        write(stamp_file, stamp)
    pin = json.loads(read(os.path.join(HERE, "package.json")))["sarifSchema"]
    schema = os.path.join(cache, "sarif-schema-2.1.0.json")
    if not os.path.exists(schema) or sha256(schema) != pin["sha256"]:
        packed = json.loads(npm(["pack", pin["package"], "--json", "--pack-destination", cache], cache))
        tgz = os.path.join(cache, packed[0]["filename"])
        with tarfile.open(tgz) as t:
            data = t.extractfile(pin["path"]).read()
        os.remove(tgz)
        if hashlib.sha256(data).hexdigest() != pin["sha256"]:
            sys.exit("%s in %s does not have the pinned sha256" % (pin["path"], pin["package"]))
        with open(schema, "wb") as f:
            f.write(data)
    return modules, schema


def test_sarif_schema(cache):
    if not shutil.which("node") or not shutil.which("npm"):
        print("skipped: the SARIF schema test needs node and npm")
        sys.exit(77)
    modules, schema = install_tools(cache)
    with tempfile.TemporaryDirectory() as d:
        logs = []
        def sarif(name, files, *opts, cwd=SRC):
            path = os.path.join(d, name)
            check(files, "--format", "sarif", "-o", path, *opts, cwd=cwd)
            logs.append(path)
        sarif("leaks.sarif", ["tests/ci/data/leaks.c"])
        sarif("suppressed.sarif", ["tests/ci/data/suppressed.c"], "--list-suppressed")
        sarif("clean.sarif", ["tests/ci/data/clean.c"])
        sarif("outside-root.sarif", ["tests/ci/data/leaks.c"], "--source-root", "runtime")
        sarif("corpus.sarif", [os.path.join("tests/cli/data", n) for n in ("leaky.c", "clean.c")])
        p = subprocess.run(["node", os.path.join(HERE, "validate_sarif.js"), modules, schema, *logs],
                           capture_output=True, text=True, timeout=120)
        print(p.stdout + p.stderr, end="")
        expect("sarif: every log validates against the SARIF 2.1.0 JSON schema", p.returncode == 0)
        bad = json.loads(read(logs[0]))
        bad["runs"][0]["results"][0]["level"] = "fatal"
        bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
        write(os.path.join(d, "broken.sarif"), json.dumps(bad))
        p = subprocess.run(["node", os.path.join(HERE, "validate_sarif.js"), modules, schema,
                            os.path.join(d, "broken.sarif")], capture_output=True, text=True, timeout=120)
        expect("sarif: the validator rejects a broken log (level, startLine)",
               p.returncode == 1 and "/level" in p.stdout and "/startLine" in p.stdout, p.stdout + p.stderr)
        doc = json.loads(read(os.path.join(d, "outside-root.sarif")))
        uri = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        expect("sarif: a file outside the source root gets an absolute file URI",
               uri["uri"].startswith("file:///") and "uriBaseId" not in uri, uri)


if GROUP == "features":
    for t in [test_sarif_structure, test_fingerprints, test_baseline, test_suppressions, test_progress]:
        t()
elif GROUP == "sarif-schema":
    test_sarif_schema(os.path.abspath(sys.argv[4]))
else:
    sys.exit("unknown test group " + GROUP)
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
