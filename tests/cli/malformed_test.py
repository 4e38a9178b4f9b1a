#!/usr/bin/env python3
"""malformed_test.py: `refflow check` on malformed C never crashes or hangs,
and every problem is a message naming the file.

Inputs, generated into WORKDIR:
  - every corpus file (tests/corpus/*/*.c) cut at three points (a quarter,
    half and three quarters of its bytes: mid-token, mid-function, mid-comment
    as it falls), checked with that corpus's rules and include flags;
  - binary garbage (random bytes with NULs and invalid UTF-8, fixed seed), an
    empty file, a file of only "{" or ")", a lone "#if";
  - deep nesting: 5,000 nested parentheses, blocks, if statements and calls;
  - a 10,000-case switch on a reference-returning call in every case.
Each group runs in one refflow process (-j2, no database). Expected: exit
status 0, 1 or 2 (never a signal), done within the time limit, every stderr
line either refflow's own ("refflow: ...") or "PATH:..." naming an existing
file, and a file whose cut leaves a '{' open gets a warning naming it.
usage: malformed_test.py REFFLOW SOURCE_DIR WORKDIR [PYTHON_INCLUDE GIO_CFLAGS...]
(default: the corpus's /usr/include/python3.11, else this Python's and `pkg-config --cflags gio-2.0`)"""
import os
import random
import re
import shutil
import subprocess
import sys
import sysconfig

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expectations import expect, finish  # noqa: E402

REFFLOW, SRC, WORK = sys.argv[1], sys.argv[2], sys.argv[3]
PY_INC = (sys.argv[4] if len(sys.argv) > 4 else "/usr/include/python3.11"
          if os.path.exists("/usr/include/python3.11/Python.h") else sysconfig.get_paths()["include"])


def pkg_cflags(name):
    try:
        out = subprocess.run(["pkg-config", "--cflags", name], capture_output=True, text=True)
        return out.stdout.split() if out.returncode == 0 else []
    except OSError:
        return []


GIO = sys.argv[5:] or pkg_cflags("gio-2.0")
CORPUS = os.path.join(SRC, "tests", "corpus")
GROUPS = {  # corpus folder: (rules, compiler flags)
    "rf": ("rf", ["-I" + os.path.join(SRC, "runtime", "include")]),
    "cpython": ("cpython", ["-I" + PY_INC]),
    "gobject": ("gobject", GIO),
    "kref": ("kref", ["-I" + os.path.join(CORPUS, "include")]),
}
TIMEOUT = 600


def open_braces(text):
    """'{' minus '}' outside comments, strings and character constants."""
    text = re.sub(rb"/\*.*?(\*/|$)", b" ", text, flags=re.S)
    text = re.sub(rb"//[^\n]*", b" ", text)
    text = re.sub(rb'"(\\.|[^"\\\n])*"?', b'""', text)
    text = re.sub(rb"'(\\.|[^'\\\n])*'?", b"''", text)
    return text.count(b"{") - text.count(b"}")


def run_group(label, files, rules, flags):
    argv = [REFFLOW, "check", "--no-db", "-j", "2", "--rules", rules, *files, "--", *flags]
    try:
        p = subprocess.run(argv, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        expect(f"{label}: finishes within {TIMEOUT} s ({len(files)} files)", False)
        return None
    err = p.stderr.decode(errors="replace")
    expect(f"{label}: no crash ({len(files)} files, exit {p.returncode})",
           p.returncode in (0, 1, 2), err[-1500:])
    stray = [l for l in err.splitlines()
             if l and not l.startswith("refflow: ")
             and not os.path.exists(l.split(":", 1)[0])]
    expect(f"{label}: every message names a file", not stray, "\n".join(stray[:10]))
    return err


def truncated_corpus():
    for folder, (rules, flags) in GROUPS.items():
        if folder == "gobject" and not flags:
            continue
        out = os.path.join(WORK, "cut", folder)
        os.makedirs(out)
        files, open_ones = [], []
        for name in sorted(os.listdir(os.path.join(CORPUS, folder))):
            if not name.endswith(".c"):
                continue
            with open(os.path.join(CORPUS, folder, name), "rb") as fh:
                text = fh.read()
            for k in (1, 2, 3):
                cut = text[:len(text) * k // 4]
                path = os.path.join(out, f"{name[:-2]}_cut{k}.c")
                with open(path, "wb") as fh:
                    fh.write(cut)
                files.append(path)
                if open_braces(cut) > 0:
                    open_ones.append(path)
        err = run_group(f"truncated {folder} corpus", files, rules, flags)
        if err is None:
            continue
        silent = [f for f in open_ones if f + ":" not in err]
        expect(f"truncated {folder} corpus: each file cut inside a body gets a warning naming it"
               f" ({len(open_ones)} such)", not silent, "\n".join(silent[:10]))


def write(name, data):
    path = os.path.join(WORK, "gen", name)
    with open(path, "wb") as fh:
        fh.write(data if isinstance(data, bytes) else data.encode())
    return path


def garbage():
    rng = random.Random(7)
    files = [write(f"garbage{i}.c", bytes(rng.randrange(256) for _ in range(rng.randrange(1, 20000))))
             for i in range(8)]
    files += [write("empty.c", b""), write("brace.c", b"{" * 3000), write("paren.c", b")" * 3000),
              write("if.c", b"#if\n"), write("nul.c", b"int f(void) { return 0;\0 }\n"),
              write("bad_utf8.c", b"int \xff\xfe(void) { return '\xc3'; }\n")]
    run_group("binary garbage and broken syntax", files, "rf", GROUPS["rf"][1])


def nesting():
    n = 5000
    pre = "#include <rf.h>\n"
    files = [
        write("parens.c", pre + "int p(int a) { return " + "(" * n + "a" + ")" * n + "; }\n"),
        write("blocks.c", pre + "void b(void) { rf_object *x = rf_int_new(1);\n" + "{" * n
              + "rf_int_value(x);" + "}" * n + "\nRF_DECREF(x); }\n"),
        write("ifs.c", pre + "int i(int k) { rf_object *x = rf_int_new(k);\n"
              + "".join(f"if (k > {j}) " for j in range(n)) + "k++;\nRF_XDECREF(x); return k; }\n"),
        write("calls.c", pre + "int c(int a) { return " + "abs(" * n + "a" + ")" * n + "; }\n"
              + "int abs(int);\n"),
        write("unclosed.c", pre + "int u(int a) { return " + "(" * n + "a;\n"),
    ]
    run_group("deep nesting", files, "rf", GROUPS["rf"][1])


def big_switch():
    cases = "".join(f"    case {i}: x = rf_int_new({i}); break;\n" for i in range(10000))
    code = ("#include <rf.h>\nrf_object *s(int k) {\n    rf_object *x = NULL;\n    switch (k) {\n"
            + cases + "    default: break;\n    }\n    return x;\n}\n")
    f = write("switch10000.c", code)
    err = run_group("10,000-case switch", [f], "rf", GROUPS["rf"][1])
    if err is not None:
        expect("10,000-case switch: analyzed (no 'cannot analyze')", "cannot analyze" not in err,
               err[-500:])


def main():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(os.path.join(WORK, "gen"))
    garbage()
    nesting()
    big_switch()
    truncated_corpus()
    return finish()


if __name__ == "__main__":
    sys.exit(main())
