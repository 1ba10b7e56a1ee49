#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
dotnet test Notebooks.sln --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project prints "Passed!  - Failed: F, Passed: P, Skipped: S, Total: T" (or "Failed! - ...").
summary=$(grep -E '^(Passed|Failed)! +- Failed: ' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d passed, %d failed, %d skipped\n", p, f, s}')
rm -f "$log"
echo "$summary"
exit "$status"
