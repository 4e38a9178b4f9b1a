#!/bin/sh
# bench_cpython.sh [--src DIR] [--quick] [--files N] [--analyze-files N] [--build DIR]
# The CPython benchmark (a command, not a ctest test): refflow's full check
# against `clang -fsyntax-only` and `clang --analyze` on the same CPython 3.11
# files (wall, CPU, peak RSS), refflow -j2 with and without a database and an
# unchanged re-run, and the per-KLOC cost on a
# quarter, half and all of the files. Prints Markdown tables (README.md).
#
# Without --src it first runs tools/cpython/fetch.sh (idempotent; downloads
# and configures CPython's source the first time, ~10 minutes) and benchmarks
# third_party_src/python3.11-*. Assumes a built tree (default build/, a
# RelWithDebInfo or Release build) and clang 19 at /usr/lib/llvm-19/bin/clang
# (the clang of libclang-19, override with CLANG=...). The measuring itself is
# scripts/bench_cpython.py (Python's standard library: os.wait4 for the user
# time and peak RSS of each child). Options are passed on to it.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
src=""
want=no
for a in "$@"; do
    [ "$want" = yes ] && src=$a
    want=no
    [ "$a" = "--src" ] && want=yes
done
if [ -z "$src" ]; then
    "$root/tools/cpython/fetch.sh"
    src=$(ls -d "$root"/third_party_src/python3.11-*/ | head -1)
    set -- --src "${src%/}" "$@"
fi
exec python3 "$root/scripts/bench_cpython.py" --root "$root" "$@"
