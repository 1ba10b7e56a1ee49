#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
dotnet test Notebooks.sln --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project ends with "Total tests: T" then "Passed: P", "Failed: F", "Skipped: S" lines.
summary=$(grep -E '^ +(Passed|Failed|Skipped): +[0-9]+ *$' "$log" \
  | awk '{n[$1]+=$2} END {printf "%d passed, %d failed, %d skipped\n", n["Passed:"], n["Failed:"], n["Skipped:"]}')
rm -f "$log"
echo "$summary"
exit "$status"
