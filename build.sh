#!/usr/bin/env bash
# The two entry points of the course (see README.md):
#   ./build.sh course   set up, then execute every notebook headless and render the course as HTML (out/course)
#   ./build.sh test     set up, then run every test (unit, engine, notebooks in quick mode, browser)
set -euo pipefail
cd "$(dirname "$0")"

case "${1:-}" in
  course)
    shift
    bash scripts/setup.sh
    dotnet run --project lib/GenAI.Notebooks --no-build -- run notebooks --out out/course "$@"
    ;;
  test)
    shift
    bash scripts/setup.sh
    bash scripts/test.sh "$@"
    ;;
  *)
    echo "usage: ./build.sh course [runner options] | ./build.sh test" >&2
    exit 2
    ;;
esac
