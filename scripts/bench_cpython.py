#!/usr/bin/env python3
"""bench_cpython.py: the measuring half of scripts/bench_cpython.sh (run that).

For the entries of a CPython compile database it runs, one process at a time
(-j1 unless said otherwise), and measures each child with os.wait4 (wall time
around it, user+system CPU from its rusage, peak RSS = ru_maxrss):
  - clang -fsyntax-only on each file (the compile database's flags, clang 19),
  - clang --analyze on each file (plist output to /dev/null),
  - refflow check -j1 with a new database (the full check),
  - refflow check -j2 with a new database, and -j2 with no database (--no-db),
  - refflow check -j1 again on the -j1 database, nothing changed (incremental),
  - refflow check -j1 on a quarter and a half of the files (every 4th, every
    2nd entry in database order, so each subset has the same mix).
KLOC counts the lines of the main .c files only (not headers, not the
preprocessed text). Peak memory of clang is the largest of its per-file
processes. Prints Markdown tables; --json FILE also writes the raw numbers.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


def measure(argv, cwd=None, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
    """Runs argv; returns (exit status, wall s, cpu s, peak RSS KiB)."""
    start = time.monotonic()
    p = subprocess.Popen(argv, cwd=cwd, stdout=stdout, stderr=stderr)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.monotonic() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


class Totals:
    def __init__(self, name, files):
        self.name, self.files = name, files
        self.wall = self.cpu = 0.0
        self.rss = 0
        self.failed = []

    def add(self, rc, wall, cpu, rss, what):
        self.wall += wall
        self.cpu += cpu
        self.rss = max(self.rss, rss)
        if rc != 0:
            self.failed.append((what, rc))


def load_entries(src):
    with open(os.path.join(src, "compile_commands.json")) as fh:
        return json.load(fh)


def clang_args(entry, clang, mode):
    """The entry's command with clang in place of the compiler and -c/-o dropped."""
    args = list(entry.get("arguments") or entry["command"].split())
    out, skip = [clang], False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c":
            continue
        out.append(a)
    return out + mode


def run_clang(entries, clang, mode, name, log):
    t = Totals(name, len(entries))
    per_file = {}
    for i, e in enumerate(entries):
        argv = clang_args(e, clang, mode)
        r = measure(argv, cwd=e["directory"])
        t.add(*r, e["file"])
        per_file[e["file"]] = r
        log(f"  {name} [{i + 1}/{len(entries)}] {e['file']} {r[1]:.2f}s")
    return t, per_file


def run_refflow(refflow, src, files, jobs, db, name):
    """db None: --no-db."""
    t = Totals(name, len(files))
    argv = [refflow, "check", "-j", str(jobs), "--rules", "cpython",
            *(["--db", db] if db else ["--no-db"]), "-p", src,
            *[os.path.join(src, f) for f in files]]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        rc, wall, cpu, rss = measure(argv, stdout=out, stderr=err)
        err.seek(0)
        tail = err.read().decode(errors="replace").strip().splitlines()[-3:]
    if rc not in (0, 1):  # 1 = findings
        sys.exit(f"bench_cpython: {' '.join(argv[:9])} ... exited {rc}: {' / '.join(tail)}")
    t.add(0, wall, cpu, rss, "")
    t.summary = tail
    return t


def kloc(src, files):
    n = 0
    for f in files:
        with open(os.path.join(src, f), "rb") as fh:
            n += fh.read().count(b"\n")
    return n / 1000.0


def pick(entries, step):
    return entries[::step]


def table(rows, base_syntax, base_analyze):
    """base_*: files -> the clang Totals on those files."""
    print("| run | files | KLOC | wall s | CPU s | peak RSS MB | wall (CPU) / clang -fsyntax-only"
          " | wall (CPU) / clang --analyze |")
    print("|---|---|---|---|---|---|---|---|")
    for t, k in rows:
        syn, ana = base_syntax[t.files], base_analyze.get(t.files)
        vs_ana = f"{t.wall / ana.wall:.3f}x ({t.cpu / ana.cpu:.3f}x)" if ana else "n/a"
        print(f"| {t.name} | {t.files} | {k:.1f} | {t.wall:.1f} | {t.cpu:.1f} | {t.rss / 1024:.0f} | "
              f"{t.wall / syn.wall:.2f}x ({t.cpu / syn.cpu:.2f}x) | {vs_ana} |")


def subset_totals(name, per_file, files):
    t = Totals(name, len(files))
    for f in files:
        t.add(*per_file[f], f)
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True)
    ap.add_argument("--src", required=True, help="CPython source root with compile_commands.json")
    ap.add_argument("--build", help="refflow build directory (default ROOT/build)")
    ap.add_argument("--files", type=int, default=0, help="only N files (spread over the set)")
    ap.add_argument("--quick", action="store_true", help="= --files 16")
    ap.add_argument("--analyze-files", type=int, default=0,
                    help="clang --analyze (and refflow in that row) on N of the files only")
    ap.add_argument("--json", help="also write the raw numbers here")
    ap.add_argument("-v", "--verbose", action="store_true")
    o = ap.parse_args()
    clang = os.environ.get("CLANG", "/usr/lib/llvm-19/bin/clang")
    refflow = os.path.join(o.build or os.path.join(o.root, "build"), "tools", "refflow")
    for p in (clang, refflow):
        if not os.access(p, os.X_OK):
            sys.exit(f"bench_cpython: {p} is missing (build refflow; install clang-19)")

    def log(s):
        if o.verbose:
            print(s, file=sys.stderr, flush=True)

    entries = load_entries(o.src)
    nfiles = 16 if o.quick and not o.files else o.files
    if nfiles and nfiles < len(entries):
        step = len(entries) / nfiles
        entries = [entries[int(i * step)] for i in range(nfiles)]
    files = [e["file"] for e in entries]
    an_entries = entries
    if o.analyze_files and o.analyze_files < len(entries):
        step = len(entries) / o.analyze_files
        an_entries = [entries[int(i * step)] for i in range(o.analyze_files)]
    an_files = [e["file"] for e in an_entries]
    ver = subprocess.run([clang, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    rver = subprocess.run([refflow, "--version"], capture_output=True, text=True).stdout.strip()
    print(f"CPython: {o.src} ({len(files)} files, {kloc(o.src, files):.1f} KLOC of .c)")
    print(f"clang: {ver}; {rver.splitlines()[0] if rver else refflow}; {os.cpu_count()} CPUs, "
          f"load average at start {os.getloadavg()[0]:.2f}")
    print(flush=True)

    work = tempfile.mkdtemp(prefix="refflow-bench-")
    try:
        log("clang -fsyntax-only")
        syn, syn_per = run_clang(entries, clang, ["-fsyntax-only"], "clang -fsyntax-only", log)
        log("clang --analyze")
        ana, ana_per = run_clang(an_entries, clang, ["--analyze", "-o", "/dev/null"],
                                 "clang --analyze", log)
        log("refflow -j1")
        db1 = os.path.join(work, "j1.db")
        r1 = run_refflow(refflow, o.src, files, 1, db1, "refflow check -j1 (full, new database)")
        log("refflow -j2")
        r2 = run_refflow(refflow, o.src, files, 2, os.path.join(work, "j2.db"),
                         "refflow check -j2 (full, new database)")
        log("refflow -j2 --no-db")
        r2n = run_refflow(refflow, o.src, files, 2, None, "refflow check -j2 --no-db (full)")
        log("refflow re-run")
        rr = run_refflow(refflow, o.src, files, 1, db1, "refflow check -j1, re-run, nothing changed")
        ra = None
        if an_files != files:
            log("refflow -j1 on the --analyze subset")
            ra = run_refflow(refflow, o.src, an_files, 1, os.path.join(work, "an.db"),
                             "refflow check -j1 (full) on the --analyze subset")
        scale = []
        for label, step in (("quarter", 4), ("half", 2)):
            sub = pick(files, step)
            log(f"refflow -j1 on a {label}")
            t = run_refflow(refflow, o.src, sub, 1, os.path.join(work, f"{label}.db"),
                            f"refflow -j1, {label}")
            scale.append((label, sub, t))
        scale.append(("all", files, r1))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    k_all, k_an = kloc(o.src, files), kloc(o.src, an_files)
    base_syn = {len(files): syn}
    base_an = {len(an_files): ana}
    if ra:
        base_syn[len(an_files)] = subset_totals("", syn_per, an_files)
    rows = [(syn, k_all), (ana, k_an), (r1, k_all), (r2, k_all), (r2n, k_all), (rr, k_all)]
    if ra:
        rows.append((ra, k_an))
    table(rows, base_syn, base_an)
    print()
    full = [r1, r2, r2n]
    print(f"refflow's peak RSS on the full check: {max(t.rss for t in full) / 1024:.0f} MB "
          f"at most (-j1, -j2, -j2 --no-db; target under 500 MB)")
    print(f"unchanged re-run: {100 * rr.wall / r1.wall:.1f}% of the first run's wall time "
          f"({100 * rr.cpu / r1.cpu:.1f}% of its CPU time); -j2 / -j1 wall: {r2.wall / r1.wall:.2f}; "
          f"load average at the end {os.getloadavg()[0]:.2f}")
    print()
    print("| files | KLOC (main .c files) | refflow -j1 wall s (CPU s) | refflow ms/KLOC wall (CPU)"
          " | clang -fsyntax-only ms/KLOC wall (CPU) | refflow / clang -fsyntax-only wall (CPU) |")
    print("|---|---|---|---|---|---|")
    for label, sub, t in scale:
        k = kloc(o.src, sub)
        s = subset_totals("", syn_per, sub)
        print(f"| {label} ({len(sub)}) | {k:.1f} | {t.wall:.1f} ({t.cpu:.1f}) | "
              f"{1000 * t.wall / k:.0f} ({1000 * t.cpu / k:.0f}) | "
              f"{1000 * s.wall / k:.0f} ({1000 * s.cpu / k:.0f}) | "
              f"{t.wall / s.wall:.2f}x ({t.cpu / s.cpu:.2f}x) |")
    bad = [(t.name, t.failed) for t in [syn, ana, r1, r2, r2n, rr] + [s[2] for s in scale]
           if t.failed]
    print()
    print(f"refflow's summary (-j1): {' / '.join(r1.summary)}")
    for name, f in bad:
        print(f"note: {name}: {len(f)} non-zero exit(s), first: {f[0]}")
    if o.json:
        with open(o.json, "w") as fh:
            json.dump({t.name: {"files": t.files, "wall": t.wall, "cpu": t.cpu, "rss_kib": t.rss}
                       for t in [syn, ana, r1, r2, r2n, rr] + [s[2] for s in scale]}, fh, indent=1)


if __name__ == "__main__":
    main()
