"""expectations.py: the pass/fail bookkeeping shared by the CLI test scripts
(interrupt_test.py, malformed_test.py): each expectation prints "ok" or
"FAIL" with its name (and what was seen, on failure); finish() prints the
count and returns the exit status."""
failures = []


def expect(name, cond, detail=""):
    print(("ok   " if cond else "FAIL ") + name, flush=True)
    if not cond:
        failures.append(name)
        if detail:
            print("     " + str(detail).replace("\n", "\n     "))


def finish():
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0
