#!/usr/bin/env bash
# The test command of README.md and CI: installs what the tests need (scripts/setup.sh, idempotent), runs the whole
# suite (arguments are passed to dotnet test, e.g. --filter "FullyQualifiedName~Runner") and ends with one summary line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh

echo "==> dotnet test Notebooks.sln -c Release --no-build $*"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# --logger console;verbosity=normal prints each test as it ends, so a long run shows progress.
dotnet test Notebooks.sln -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?
# One plain summary line over all test assemblies, from either form dotnet test prints: the one-line
# "Passed!  - Failed: 0, Passed: 9, Skipped: 0, ..." or, with a normal-verbosity logger, "Passed: 9" lines.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     /^ +Passed: +[0-9]+$/ { p += $2 } /^ +Failed: +[0-9]+$/ { f += $2 } /^ +Skipped: +[0-9]+$/ { s += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
