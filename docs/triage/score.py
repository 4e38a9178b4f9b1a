#!/usr/bin/env python3
"""score.py: precision of a refflow JSON run on CPython against the triage table.

Usage: docs/triage/score.py RUN.json [--causes] [--new]

Each finding is looked up in docs/triage/run-5-verdicts.tsv by (file relative to
the CPython source root, line, check, function, message). Prints the counts of
true (T), false (F) and untriaged findings and the precision over the triaged
ones; --causes lists the false alarms by cause, --new the untriaged findings
(they must be triaged and added to the table before a precision is quoted).
Assumes the run was made on CPython 3.11.2 (tools/cpython/fetch.sh); paths are
cut at "python3.11-3.11.2/".
"""
import collections
import csv
import json
import os
import sys

ROOT = "python3.11-3.11.2/"
TABLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run-5-verdicts.tsv")


def load_table(path):
    table = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (r["file"], int(r["line"]), r["check"], r["function"], r["message"])
            table[key] = (r["verdict"], r["cause"])
    return table


def finding_key(f):
    path = f["location"]["file"]
    rel = path.split(ROOT, 1)[-1]
    return (rel, f["location"]["line"], f["check"], str(f.get("function")), f["message"])


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    table = load_table(TABLE)
    with open(argv[1]) as f:
        findings = json.load(f)["findings"]
    counts, causes, new = collections.Counter(), collections.Counter(), []
    for f in findings:
        hit = table.get(finding_key(f))
        if hit is None:
            counts["untriaged"] += 1
            new.append(finding_key(f))
            continue
        counts[hit[0]] += 1
        if hit[0] == "F":
            causes[hit[1]] += 1
    known = counts["T"] + counts["F"]
    print("%d findings: %d true, %d false, %d untriaged; precision %.1f%% of %d triaged"
          % (len(findings), counts["T"], counts["F"], counts["untriaged"],
             100.0 * counts["T"] / max(1, known), known))
    if "--causes" in argv:
        for cause, n in causes.most_common():
            print("%4d  %s" % (n, cause))
    if "--new" in argv:
        for k in new:
            print("untriaged: %s:%d %s %s: %s" % (k[0], k[1], k[2], k[3], k[4][:120]))


if __name__ == "__main__":
    main(sys.argv)
