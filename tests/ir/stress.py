#!/usr/bin/env python3
"""stress.py: ir-dump must survive (exit 0, no crash, bounded time) on
generated inputs that stress the lowering: a 10,000-case switch, 10,000
parentheses, a 10,000-term a+a+... chain, a 3,000-link else-if chain,
a 10,000-term || condition, 10,000 nested casts, a 10,000-deep unary chain,
3,000 "!" in a row, 2,000 consecutive case labels, 20,000 statements in one
block. (Sizes where clang itself parses slowly are kept smaller: the time
there is clang's, not the lowering's.)

usage: stress.py IR_DUMP WORKDIR
"""
import os
import subprocess
import sys
import time

N = 10000
PRELUDE = "typedef struct _object { long ob_refcnt; } PyObject;\nPyObject *f(int);\nint g(int);\n"


def cases():
    body = "".join(f"    case {i}: r = g({i}); break;\n" for i in range(N))
    yield "switch", f"int s(int k) {{ int r = 0;\n switch (k) {{\n{body} default: r = -1; }}\n return r; }}\n", "b10000:"
    yield "parens", "int p(int a) { return " + "(" * N + "a" + ")" * N + "; }\n", None
    yield "chain", "int c(int a) { return " + "+".join(["g(a)"] * N) + "; }\n", "tmp.10000"
    elifs = "".join(f" else if (k == {i}) r = {i};\n" for i in range(1, 3000))
    yield "elseif", f"int e(int k) {{ int r = 0;\n if (k == 0) r = 0;\n{elifs} return r; }}\n", "k == 2999"
    ors = " || ".join(f"k == {i}" for i in range(N))
    yield "or", f"int o(int k) {{ if ({ors}) return 1; return 0; }}\n", "k == 9999"
    yield "casts", "long c2(long a) { return " + "(long)" * N + "a; }\n", None
    yield "unary", "int u(int a) { return " + "-" * (N * 2) + "a; }\n", None  # "--" would be a decrement
    yield "nots", "int n(PyObject *x) { if (" + "!" * 3000 + "x) return 1; return 0; }\n", "branch x"
    labels = "".join(f" case {i}:\n" for i in range(2000))
    yield "labels", f"int l(int k) {{ switch (k) {{\n{labels} return 1; }} return 0; }}\n", "k == 1999"
    stmts = "".join(f" x = f({i});\n" for i in range(2 * N))
    yield "stmts", f"void st(void) {{ PyObject *x;\n{stmts} }}\n", "f(19999)"


def main():
    ir_dump, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    failed = 0
    for name, code, expect in cases():
        path = os.path.join(work, f"stress_{name}.c")
        with open(path, "w") as fh:
            fh.write(PRELUDE + code)
        start = time.time()
        p = subprocess.run([ir_dump, path], capture_output=True, text=True, timeout=120)
        took = time.time() - start
        ok = p.returncode == 0 and (expect is None or expect in p.stdout)
        print(f"{name}: exit {p.returncode}, {took:.2f}s, {len(p.stdout.splitlines())} lines"
              + ("" if ok else "  FAILED"))
        if not ok:
            failed += 1
            sys.stderr.write(p.stderr[-2000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
