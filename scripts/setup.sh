#!/usr/bin/env bash
# Installs everything a fresh Debian machine lacks for this course, then builds it.
# Safe to run again: each step skips what is already there.
# Needs root (or sudo) for apt; inside the devcontainer everything is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: libtorch (the engine), Chromium (browser tests, PNG export),
# Fashion-MNIST (image data), npm (offline copies of plotly.js, KaTeX, highlight.js).
apt_packages=(libtorch-dev chromium dataset-fashion-mnist npm cmake g++)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "setup: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Front-end files for the offline HTML rendering of notebooks and charts.
if [ -f lib/GenAI.Notebooks/web/package.json ]; then
  (cd lib/GenAI.Notebooks/web && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; })
fi

dotnet build Notebooks.sln -c Debug -nologo -clp:ErrorsOnly
