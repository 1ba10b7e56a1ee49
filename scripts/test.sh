#!/usr/bin/env bash
# Runs every test project of the solution and ends with one line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."

# The test projects run side by side and each process (tests, every notebook) would start one libtorch
# thread per core. On a 2-core machine the spinning threads then outnumber the cores, and a small
# model's step gets about ten times slower. One intra-op thread per process keeps the run predictable;
# set OMP_NUM_THREADS yourself to override.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"

log=$(mktemp)
dotnet test Notebooks.sln --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Each test project ends with "Total tests: T" then "Passed: P", "Failed: F", "Skipped: S" lines.
summary=$(grep -E '^ +(Passed|Failed|Skipped): +[0-9]+ *$' "$log" \
  | awk '{n[$1]+=$2} END {printf "%d passed, %d failed, %d skipped\n", n["Passed:"], n["Failed:"], n["Skipped:"]}')
rm -f "$log"
echo "$summary"
exit "$status"
