#!/usr/bin/env python3
"""report_test.py: tests of `refflow report`, the HTML report.

usage: report_test.py cli|browser|valgrind REFFLOW SOURCE_DIR OUT_DIR

Both build a small project from corpus files (tests/corpus/rf/*_bug.c and
tests/report/data/markup.c under a file name full of special characters),
check it twice with one database (the second run adds files, so some
findings are new), and write the report. What the pages must show is taken
from `refflow check --format json` of the same run, never hard-coded.

cli: error handling (missing, foreign, empty database; unwritable output),
page names, escaping, stale pages, read without a browser.
browser: the report in a real headless Chromium driven over the DevTools
protocol (cdp.py): counts, filtering and sorting by the embedded script, the
plain table without script, finding pages with the path marked and the line
anchors, changed and missing source files, the type page, and screenshots
(OUT_DIR/index.png, OUT_DIR/finding.png). Without chromium it exits 77
(skipped), saying so.
valgrind: the report written under valgrind, without memory errors."""
import collections
import html
import html.parser
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse

MODE, REFFLOW, SRC, OUT = (sys.argv[1], os.path.abspath(sys.argv[2]),
                           os.path.abspath(sys.argv[3]), os.path.abspath(sys.argv[4]))
CORPUS = os.path.join(SRC, "tests", "corpus", "rf")
RUN1 = ["early_return_branch_bug.c", "double_decref_bug.c", "goto_error_double_bug.c"]
RUN2 = ["alias_best_bug.c", "errpath_second_alloc_bug.c", "cycle_untraced_no_traverse_bug.c"]
ODD = "odd \"<name>\" & 'q'.c"   # a file name HTML and shells treat specially
INC = ["-I" + os.path.join(SRC, "runtime", "include")]
SAFE_PAGE = re.compile(r"^[A-Za-z0-9._-]+$")
failures = []


def expect(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name)
    if not cond:
        failures.append(name)
        if detail:
            print("     " + str(detail).replace("\n", "\n     ")[:3000])


def run(*args, cwd=None):
    p = subprocess.run([REFFLOW, *args], capture_output=True, text=True, timeout=300, cwd=cwd)
    return p.returncode, p.stdout, p.stderr


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class Project:
    """The checked project: proj/src/*.c, its database, and the report."""

    def __init__(self, root):
        self.dir = os.path.join(root, "proj")
        os.makedirs(os.path.join(self.dir, "src"))
        for name in RUN1 + RUN2:
            shutil.copy(os.path.join(CORPUS, name), os.path.join(self.dir, "src", name))
        shutil.copy(os.path.join(SRC, "tests", "report", "data", "markup.c"),
                    os.path.join(self.dir, "src", ODD))
        self.db = os.path.join(self.dir, "refflow.db")
        self.check(RUN1)
        self.findings = self.check(RUN1 + RUN2 + [ODD])
        added = {"src/" + n for n in RUN2 + [ODD]}
        self.new = [f for f in self.findings if f["location"]["file"] in added]
        self.out = os.path.join(self.dir, "report")
        rc, _, err = run("report", "--db", self.db, "-o", self.out)
        expect("report: exit 0 on a database with findings", rc == 0, err)
        expect("report: says where it wrote", "report/index.html" in err, err)

    def check(self, names):
        rc, out, err = run("check", "--rules", "rf", "--db", self.db, "--format", "json",
                           *["src/" + n for n in names], "--", *INC, cwd=self.dir)
        if rc not in (0, 1):
            sys.exit("refflow check failed (%d): %s" % (rc, err))
        return json.loads(out)["findings"]

    def count_by(self, key):
        return collections.Counter(key(f) for f in self.findings)

    def pages(self):
        """{(file, line, check, message): page name} from the index's rows."""
        rows = re.findall(r'<tr data-check="([^"]*)" data-file="([^"]*)".*?<a href="([^"]+)">'
                          r'(?:[^<]|<wbr>)*?:(\d+):\d+</a></td><td><code>.*?</code></td>'
                          r'<td>(.*?)</td>',
                          read(os.path.join(self.out, "index.html")))
        return {(html.unescape(f), int(line), c, html.unescape(m)): page
                for c, f, page, line, m in rows}

    def page_of(self, finding):
        loc = finding["location"]
        return self.pages()[(loc["file"], loc["line"], finding["check"], finding["message"])]


# --- without a browser ----------------------------------------------------------

class Tags(html.parser.HTMLParser):
    """Counts a page's elements by tag, and collects its ids."""
    def __init__(self):
        super().__init__()
        self.tags = collections.Counter()
        self.ids = set()
        self.links = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        for k, v in attrs:
            if k == "id":
                self.ids.add(v)
            if k in ("href", "xlink:href"):
                self.links.append(v)


def parse(path):
    t = Tags()
    t.feed(read(path))
    return t


def test_errors(root, proj):
    d = os.path.join(root, "errors")
    os.makedirs(d)
    rc, _, err = run("report", "--db", os.path.join(d, "none.db"), "-o", os.path.join(d, "o1"))
    expect("errors: a missing database is exit 2, named, and not created",
           rc == 2 and "none.db: no such database" in err
           and not os.path.exists(os.path.join(d, "none.db"))
           and not os.path.exists(os.path.join(d, "o1")), err)
    text = os.path.join(d, "notes.db")
    with open(text, "w") as f:
        f.write("not a database at all\n" * 10)
    rc, _, err = run("report", "--db", text, "-o", os.path.join(d, "o2"))
    expect("errors: a file that is not SQLite is refused (exit 2) and left alone",
           rc == 2 and "not a database" in err and read(text).startswith("not a database"), err)
    foreign = os.path.join(d, "foreign.db")
    with sqlite3.connect(foreign) as c:
        c.execute("CREATE TABLE t (x)")
    rc, _, err = run("report", "--db", foreign, "-o", os.path.join(d, "o3"))
    expect("errors: another application's SQLite database is refused (exit 2)",
           rc == 2 and "another application" in err, err)
    rc, _, err = run("report", "--db", proj.db, "-o", os.path.join(text, "sub"))
    expect("errors: an output directory that cannot be created is exit 2, named",
           rc == 2 and "notes.db/sub" in err, err)
    rc, _, err = run("report", "--db", proj.db, "-o", text)
    expect("errors: an output path that is a file is exit 2", rc == 2 and "not a directory" in err,
           err)
    rc, _, err = run("report", "--db", proj.db, "--bogus")
    expect("errors: an unknown argument is a usage error", rc == 2 and "--bogus" in err, err)
    rc, out, _ = run("report", "--help")
    expect("errors: --help prints the usage, exit 0", rc == 0 and "--db FILE" in out, out)


def test_empty(root):
    d = os.path.join(root, "empty")
    os.makedirs(d)
    db = os.path.join(d, "empty.db")
    open(db, "w").close()
    rc, _, err = run("report", "--db", db, "-o", os.path.join(d, "out"))
    index = parse(os.path.join(d, "out", "index.html"))
    expect("empty: an empty database gives a report that says there is no run yet",
           rc == 0 and "no-runs" in index.ids and index.tags["table"] == 0, err)
    expect("empty: types.html is written too", os.path.exists(os.path.join(d, "out", "types.html")))
    clean = os.path.join(d, "clean")
    os.makedirs(clean)
    shutil.copy(os.path.join(CORPUS, "double_decref_ok.c"), clean)
    run("check", "--rules", "rf", "--db", "c.db", "double_decref_ok.c", "--", *INC, cwd=clean)
    rc, _, err = run("report", "--db", "c.db", "-o", "out", cwd=clean)
    index = parse(os.path.join(clean, "out", "index.html"))
    expect("empty: a run without findings says so", rc == 0 and "no-findings" in index.ids, err)


def test_files(proj):
    names = os.listdir(proj.out)
    expect("files: index.html, types.html and one page per finding",
           "index.html" in names and "types.html" in names
           and len(names) == 2 + len(proj.findings), names)
    expect("files: every page name is made of safe characters",
           all(SAFE_PAGE.match(n) for n in names), names)
    expect("files: one page per finding, each linked from the index",
           sorted(proj.pages().values()) == sorted(n for n in names if n.startswith("f")),
           proj.pages())
    odd = [f for f in proj.findings if f["location"]["file"] == "src/" + ODD]
    expect("files: the markup file has a finding", len(odd) == 1, odd)
    page = os.path.join(proj.out, proj.page_of(odd[0]))
    tags, text = parse(page), read(page)
    expect("escape: source text that looks like markup makes no element",
           "injected" not in tags.ids and tags.tags["b"] == 0 and tags.tags["i"] == 0
           and tags.tags["script"] == 0, tags.tags)
    expect("escape: it is shown as text",
           "&lt;/script&gt;&lt;b id=\\&quot;injected\\&quot;&gt;&amp;amp; &lt;i&gt;" in text)
    expect("escape: the file name is escaped wherever it appears",
           "odd &quot;&lt;name&gt;&quot; &amp; &#39;q&#39;.c" in text and "<name>" not in text)
    broken = []
    for n in names:
        p = parse(os.path.join(proj.out, n))
        for link in p.links:
            page, _, frag = link.partition("#")
            if page and not os.path.exists(os.path.join(proj.out, page)):
                broken.append((n, link))
            elif frag and "=" not in frag and \
                    frag not in (parse(os.path.join(proj.out, page)) if page else p).ids:
                broken.append((n, link))
        if p.tags["link"] or re.search(r'(src|href)="(https?:)?//', read(os.path.join(proj.out, n))):
            expect("files: %s refers to nothing outside the report" % n, False)
    expect("files: every link leads to a page of the report and an anchor on it", not broken,
           broken)
    pages = sorted(proj.pages().items(), key=lambda kv: (kv[0][0], kv[0][1]))
    second = parse(os.path.join(proj.out, pages[1][1]))
    expect("files: a finding page links to the previous and next findings",
           pages[0][1] in second.links and pages[2][1] in second.links, second.links)
    os.makedirs(os.path.join(proj.dir, "again"))
    for stale, keep in (("f999-old-L1.html", False), ("notes.txt", True)):
        with open(os.path.join(proj.dir, "again", stale), "w") as f:
            f.write("x")
    run("report", "--db", proj.db, "-o", os.path.join(proj.dir, "again"))
    left = os.listdir(os.path.join(proj.dir, "again"))
    expect("files: finding pages of an earlier report are removed, other files kept",
           "f999-old-L1.html" not in left and "notes.txt" in left, left)


def test_workflow():
    readme = read(os.path.join(SRC, "README.md"))
    block = re.search(r"```yaml\n(name: refflow\n.*?)```", readme, re.S)
    wf = read(os.path.join(SRC, ".github", "workflows", "refflow.yml"))
    expect("workflow: the README's GitHub Actions job is .github/workflows/refflow.yml",
           block and wf.split("\n", 1)[1] == block.group(1))
    expect("workflow: it uploads SARIF and the HTML report, and its baseline exists",
           "upload-sarif" in wf and "refflow report --db refflow.db" in wf
           and os.path.exists(os.path.join(SRC, "refflow-baseline.txt")))


def main_cli():
    root = tempfile.mkdtemp(prefix="refflow-report-")
    try:
        proj = Project(root)
        test_errors(root, proj)
        test_empty(root)
        test_files(proj)
        test_workflow()
    finally:
        shutil.rmtree(root, ignore_errors=True)


# --- in the browser -------------------------------------------------------------

VISIBLE_ROWS = "[...document.querySelectorAll('#findings tbody tr')].filter(r => !r.hidden)"


def visible(page, attr):
    return page.eval("%s.map(r => r.getAttribute(%s))" % (VISIBLE_ROWS, json.dumps(attr)))


def count_table(page, table_id):
    return page.eval("Object.fromEntries([...document.querySelectorAll('#%s tbody tr')]"
                     ".filter(r => r.cells.length == 2)"
                     ".map(r => [r.cells[0].textContent, +r.cells[1].textContent]))" % table_id)


def test_index(page, proj):
    index = "file://" + os.path.join(proj.out, "index.html")
    page.goto(index)
    total = len(proj.findings)
    expect("index: the total and the table's rows match the run",
           page.eval("+document.getElementById('total').textContent") == total
           and len(visible(page, "data-check")) == total, total)
    expect("index: new since the previous run",
           page.eval("+document.getElementById('new-count').textContent") == len(proj.new)
           and len(proj.new) > 0, len(proj.new))
    by_check = count_table(page, "by-check")
    want = proj.count_by(lambda f: f["check"])
    expect("index: counts per check (every check, zeros too)",
           {k: v for k, v in by_check.items() if v} == dict(want)
           and "leak" in by_check and "null-deref" in by_check, (by_check, want))
    files = sorted({f["location"]["file"] for f in proj.findings})
    common = os.path.commonprefix(files)
    common = common[:common.rfind("/") + 1]
    expect("index: paths are shown under their common directory",
           common == "src/" and page.eval("document.getElementById('common-dir').textContent")
           .startswith("under " + common), common)
    by_file = count_table(page, "by-file")
    expect("index: counts per file",
           by_file == {k[len(common):]: v
                       for k, v in proj.count_by(lambda f: f["location"]["file"]).items()},
           by_file)
    expect("index: the filters are shown when the script runs",
           page.eval("document.getElementById('filters').hidden") is False)

    for check in sorted(want):
        page.goto(index + "#check=" + urllib.parse.quote(check))
        rows = visible(page, "data-check")
        expect("filter: #check=%s shows its %d findings" % (check, want[check]),
               rows == [check] * want[check]
               and page.eval("document.getElementById('f-check').value") == check, rows)
    page.goto(index + "?check=over-release")
    expect("filter: ?check= works too", visible(page, "data-check") ==
           ["over-release"] * want["over-release"])
    odd = "src/" + ODD
    page.goto(index + "#file=" + urllib.parse.quote(odd))
    expect("filter: #file= with special characters",
           visible(page, "data-file") == [odd] * by_file[ODD]
           and page.eval("document.getElementById('f-file').selectedOptions[0].textContent")
           == ODD, visible(page, "data-file"))
    page.goto(index + "#new=1")
    expect("filter: new only", len(visible(page, "data-new")) == len(proj.new)
           and set(visible(page, "data-new")) == {"1"})

    page.goto(index)
    fn = next(f["function"] for f in proj.findings if f["function"])
    page.eval("(() => { const q = document.getElementById('f-q'); q.value = %s;"
              " q.dispatchEvent(new Event('input')); })()" % json.dumps(fn))
    want_q = [f for f in proj.findings
              if fn.lower() in ((f["function"] or "") + f["message"] + f["location"]["file"]).lower()]
    expect("filter: typing in the search box filters by text and updates the URL",
           len(visible(page, "data-check")) == len(want_q)
           and "q=" + fn in page.eval("location.hash")
           and page.eval("document.getElementById('shown').textContent")
           == "showing %d of %d" % (len(want_q), total), page.eval("location.hash"))
    test_sorting(page, index)


def test_sorting(page, index):
    page.goto(index)
    keys = "%s.map(r => r.cells[%%d].getAttribute('data-sort') || r.cells[%%d].textContent)" \
        % VISIBLE_ROWS
    page.eval("document.querySelector('th[data-key=location]').click()")
    asc = page.eval(keys % (2, 2))
    page.eval("document.querySelector('th[data-key=location]').click()")
    desc = page.eval(keys % (2, 2))
    expect("sort: clicking Location sorts ascending, again descending",
           asc == sorted(asc, key=str.lower) and desc == sorted(asc, key=str.lower, reverse=True)
           and page.eval("document.querySelector('th[data-key=location]')"
                         ".getAttribute('aria-sort')") == "descending", (asc, desc))
    page.eval("document.querySelector('th[data-key=first]').click()")
    runs = [int(x) for x in page.eval(keys % (5, 5))]
    expect("sort: First seen sorts by run number", runs == sorted(runs) and runs[0] < runs[-1],
           runs)
    page.eval("document.querySelector('th[data-key=message]').click()")
    msgs = page.eval(keys % (4, 4))
    expect("sort: Message sorts as text", msgs == sorted(msgs, key=str.lower), msgs)
    expect("sort: the sort is kept in the URL", "sort=message" in page.eval("location.hash"))
    page.disable_scripts(True)
    page.goto(index + "#check=leak")
    rows = page.eval("document.querySelectorAll('#findings tbody tr').length")
    expect("no script: the plain table holds every finding, the filters stay hidden",
           rows == len(visible(page, "data-check")) and rows > 0
           and page.eval("document.getElementById('filters').hidden") is True, rows)
    page.disable_scripts(False)


def in_file(f, step):
    return step["file"] == f["location"]["file"]


def test_finding(page, proj, f, screenshot=None):
    loc = f["location"]
    url = "file://" + os.path.join(proj.out, proj.page_of(f))
    page.goto(url)
    name = "finding %s:%d" % (loc["file"], loc["line"])
    expect(name + ": its line is highlighted and carries the message",
           page.eval("[...document.querySelectorAll('tr.line.hit')].map(r => r.id)")
           == ["L%d" % loc["line"]]
           and page.eval("document.querySelector('tr.note.hit .txt').textContent") == f["message"]
           and page.eval("getComputedStyle(document.querySelector('tr.hit td.code'))"
                         ".backgroundColor") not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"))
    # each step bubble: [its id, its number, its text, the id of the line it is under]
    steps = page.eval("[...document.querySelectorAll('tr.note.step')].map(r => {"
                      " let line = r; while (!line.classList.contains('line'))"
                      " line = line.previousElementSibling;"
                      " return [r.id, r.querySelector('.stepno').textContent,"
                      " r.querySelector('.txt').textContent, line.id]; })")
    want = [["step-%d" % (i + 1), str(i + 1), s["message"], "L%d" % s["line"]]
            for i, s in enumerate(f["path"]) if in_file(f, s)]
    # in line order on the page; a path through a loop goes back up
    steps.sort(key=lambda s: int(s[1]))
    expect(name + ": every path step is marked under its line, numbered, with its text",
           steps == want and len(want) >= 2, (steps, want))
    marked = page.eval("[...document.querySelectorAll('tr.line.step')].map(r => r.id)")
    expect(name + ": the step lines are highlighted",
           sorted(set(marked)) == sorted({"L%d" % s["line"] for s in f["path"] if in_file(f, s)}))
    expect(name + ": the path list has the steps and the finding",
           page.eval("document.querySelectorAll('#path li').length") == len(f["path"]) + 1)
    first = f["path"][0]["line"]
    page.goto(url + "#L%d" % first)
    expect(name + ": lines are anchors (#L%d is the target)" % first,
           page.eval("document.querySelector(':target') && document.querySelector(':target').id")
           == "L%d" % first)
    links = page.eval("[...document.querySelectorAll('a[href^=\"#L\"]')]"
                      ".map(a => a.getAttribute('href'))")
    expect(name + ": every #L link on the page has its line",
           links and all(page.eval("!!document.getElementById(%s)" % json.dumps(h[1:]))
                         for h in set(links)), links)
    test_graph(page, url, name)
    if screenshot:
        page.goto(url)
        page.screenshot(screenshot)


def test_graph(page, url, name):
    """The function's graph is inline SVG; its nodes link to lines of the page."""
    page.goto(url)
    hrefs = page.eval("[...document.querySelectorAll('#graph svg a')]"
                      ".map(a => a.getAttribute('xlink:href') || a.getAttribute('href'))")
    expect(name + ": the function's graph is inline SVG with linked nodes",
           page.eval("!!document.querySelector('#graph > svg')") and hrefs, hrefs)
    expect(name + ": every graph link targets a line anchor of the page",
           all(h and h.startswith("#L") and page.eval("!!document.getElementById(%s)"
                                                      % json.dumps(h[1:])) for h in hrefs), hrefs)
    if hrefs:
        target = page.eval("(() => { const a = document.querySelectorAll('#graph svg a')[%d];"
                           " a.dispatchEvent(new MouseEvent('click', {bubbles: true,"
                           " cancelable: true, view: window}));"
                           " return location.hash; })()" % (len(hrefs) - 1))
        expect(name + ": clicking a graph node goes to its line",
               target == hrefs[-1] and page.eval("document.querySelector(':target').id")
               == hrefs[-1][1:], (target, hrefs[-1]))


def test_source_states(page, proj):
    """The analyzed file changed, or is gone: the page says so, shows no lines."""
    changed = [f for f in proj.findings if f["location"]["file"] == "src/" + RUN1[0]][0]
    gone = [f for f in proj.findings if f["location"]["file"] == "src/" + RUN1[1]][0]
    with open(os.path.join(proj.dir, changed["location"]["file"]), "a") as fh:
        fh.write("/* edited after the analysis */\n")
    os.remove(os.path.join(proj.dir, gone["location"]["file"]))
    rc, _, err = run("report", "--db", proj.db, "-o", proj.out)
    for f, state in ((changed, "changed"), (gone, "missing")):
        page.goto("file://" + os.path.join(proj.out, proj.page_of(f)))
        got = page.eval("(() => { const s = document.getElementById('source-status');"
                        " return [s && s.dataset.state, s && s.textContent,"
                        " !!document.getElementById('source')]; })()")
        expect("source: a %s file is reported, and no lines are shown" % state,
               rc == 0 and got[0] == state and f["location"]["file"] in got[1] and got[2] is False,
               (got, err))


def test_types(page, proj):
    page.goto("file://" + os.path.join(proj.out, "types.html"))
    with sqlite3.connect(proj.db) as c:
        # the types the database knows: its types table, or (a database
        # written before that table existed) the types type_edges names
        if c.execute("SELECT 1 FROM sqlite_master WHERE name = 'types'").fetchone():
            types = {row[0] for row in c.execute("SELECT name FROM types")}
        else:
            types = {t for row in c.execute("SELECT struct_type, target_type FROM type_edges")
                     for t in row}
    rows = page.eval("document.querySelectorAll('#types tbody tr').length")
    has_none = page.eval("!!document.getElementById('no-types')")
    expect("types: one row per type of the database's type edges (or says there are none)",
           rows == len(types) and has_none == (not types), (rows, len(types)))
    expect("types: the type graph is drawn when there are types",
           page.eval("!!document.querySelector('#graph > svg')") == bool(types))
    cycles = [f for f in proj.findings if f["check"].startswith("cycle-")]
    expect("types: the cycle findings are listed",
           page.eval("document.querySelectorAll('#cycle-findings li').length") == len(cycles))


def main_browser():
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("SKIP: chromium is not installed (scripts/deps.sh installs Debian's 'chromium')")
        sys.exit(77)
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import cdp
    os.makedirs(OUT, exist_ok=True)
    root = tempfile.mkdtemp(prefix="refflow-report-")
    try:
        proj = Project(root)
        with cdp.Browser(exe, root) as b:
            page = b.new_page(1280, 900)
            test_index(page, proj)
            page.goto("file://" + os.path.join(proj.out, "index.html"))
            page.screenshot(os.path.join(OUT, "index.png"))
            longest = max(proj.findings, key=lambda f: sum(in_file(f, s) for s in f["path"]))
            for f in proj.findings:
                test_finding(page, proj, f,
                             os.path.join(OUT, "finding.png") if f is longest else None)
            test_types(page, proj)
            test_source_states(page, proj)
            expect("browser: no script error on any page", not page.console_errors,
                   page.console_errors)
        for png in ("index.png", "finding.png"):
            with open(os.path.join(OUT, png), "rb") as fh:
                head = fh.read(24)
            expect("screenshot %s is a 1280 px wide PNG" % png,
                   head[:8] == b"\x89PNG\r\n\x1a\n" and int.from_bytes(head[16:20], "big") == 1280)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main_valgrind():
    """refflow report under valgrind: no invalid read or write, no use of
    uninitialised memory (leaks are not counted: Graphviz's layout leaks)."""
    vg = shutil.which("valgrind")
    if not vg:
        print("SKIP: valgrind is not installed (scripts/deps.sh installs it)")
        sys.exit(77)
    root = tempfile.mkdtemp(prefix="refflow-report-")
    try:
        proj = Project(root)
        p = subprocess.run([vg, "-q", "--error-exitcode=99", "--leak-check=no", REFFLOW,
                            "report", "--db", proj.db, "-o", os.path.join(root, "vg")],
                           capture_output=True, text=True, timeout=900)
        expect("valgrind: refflow report makes no memory error (one graph per finding)",
               p.returncode == 0 and "Invalid" not in p.stderr, p.stderr[-3000:])
    finally:
        shutil.rmtree(root, ignore_errors=True)


if MODE == "cli":
    main_cli()
elif MODE == "valgrind":
    main_valgrind()
elif MODE == "browser":
    main_browser()
else:
    sys.exit("unknown mode " + MODE)
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
