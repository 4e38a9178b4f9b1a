#!/bin/sh
# check_regen.sh RULEGEN REFCOUNTS_DAT EXTRA COMMITTED OUT
# Regenerates cpython.rules into OUT and fails (showing the diff) if it differs
# from the committed rules/cpython.rules. A missing refcounts.dat is a failure.
set -u
rulegen=$1 dat=$2 extra=$3 committed=$4 out=$5
if [ ! -f "$dat" ]; then
    echo "error: $dat not found (configure with -DREFFLOW_REFCOUNTS_DAT=PATH)"
    exit 1
fi
"$rulegen" "$dat" "$extra" -o "$out" || exit 1
if ! cmp -s "$committed" "$out"; then
    echo "rules/cpython.rules is out of date; regenerate it with:"
    echo "  $rulegen $dat $extra -o $committed"
    diff -u "$committed" "$out" | head -60
    exit 1
fi
echo "cpython.rules is up to date"
