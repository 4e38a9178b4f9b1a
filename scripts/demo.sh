#!/usr/bin/env bash
# Quick start: installs what refflow needs (Debian 12), builds it, and runs
# `refflow check` over the bundled examples: a CPython extension
# (examples/spammodule.c, against the real Python 3.11 headers) and code
# written against refflow's own runtime (examples/rf_cache.c).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" --target refflow >/dev/null
mkdir -p out
echo "== refflow check examples/spammodule.c (CPython C API) =="
build/tools/refflow check --rules cpython examples/spammodule.c -- -I/usr/include/python3.11 || true
echo
echo "== refflow check examples/rf_cache.c (refflow's runtime) =="
build/tools/refflow check --rules rf examples/rf_cache.c -- -Iruntime/include || true
build/tools/refflow check --format json -o out/findings.json -q --rules cpython \
  examples/spammodule.c -- -I/usr/include/python3.11 || true
echo
echo "JSON findings written to out/findings.json"
