#!/usr/bin/env bash
# The test command of README.md and CI: installs what the tests need (scripts/setup.sh, idempotent), checks the
# formatting (dotnet csharpier check .), runs the whole suite (arguments are passed to dotnet test, e.g.
# --filter "FullyQualifiedName~Runner") and ends with one summary line; exit code non-zero on a failed test or an
# unformatted file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

scripts/setup.sh

# Code style (README, Code style): every C# and MSBuild file as CSharpier 1.3.0 writes it, and no comment line longer
# than 120 columns (the build's RCS0056 does not look at comments). A difference fails the run after the tests, so that
# one unformatted file does not hide their results. Columns are characters (UTF-8), whatever the caller's locale.
echo "==> dotnet csharpier check ."
format_status=0
dotnet csharpier check . || format_status=$?
long_comments=$(git ls-files -z -- '*.cs' | LC_ALL=C.UTF-8 xargs -0 grep -HnP '^(?=\s*//).{121,}$' || true)
if [ -n "$long_comments" ]; then
  printf '%s\n' "$long_comments" | cut -c1-160
  echo "scripts/test.sh: the comment lines above are longer than 120 columns" >&2
  format_status=1
fi

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
if [ "$format_status" != 0 ]; then
  echo "scripts/test.sh: code style: see the files listed after 'dotnet csharpier check .' (fix: dotnet csharpier format .)" >&2
  [ "$status" != 0 ] || status=$format_status
fi
exit "$status"
