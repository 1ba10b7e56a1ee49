#!/usr/bin/env bash
# Installs everything a fresh Debian machine lacks for this course, then builds it.
# Safe to run again: each step skips what is already there.
# Needs root (or sudo) for apt; inside the devcontainer everything is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: libtorch (the engine), Chromium (browser tests, PNG export),
# Fashion-MNIST (image data), npm (offline copies of plotly.js, KaTeX, highlight.js),
# require.js (browser tests load charts the way VS Code's notebook webview does).
# Each entry: Debian package, then the file that shows it is there (a command or a path).
# A libtorch tree named by LIBTORCH (the devcontainer's CUDA one) stands in for libtorch-dev.
libtorch_config=/usr/lib/x86_64-linux-gnu/cmake/Torch/TorchConfig.cmake
[ -z "${LIBTORCH:-}" ] || libtorch_config="$LIBTORCH/share/cmake/Torch/TorchConfig.cmake"
apt_packages=(
  "libtorch-dev $libtorch_config"
  "chromium chromium"
  "dataset-fashion-mnist /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
  "npm npm"
  "libjs-requirejs /usr/share/javascript/requirejs/require.min.js"
  "cmake cmake"
  "g++ g++"
  # Debian's libtorch calls whatever BLAS the system provides; without OpenBLAS that is the
  # reference BLAS, which makes every matmul 10-30x slower (see benchmarks/README.md).
  "libopenblas0-pthread /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3"
)
missing=()
for entry in "${apt_packages[@]}"; do
  set -- $entry
  if [[ "$2" == /* ]]; then [ -e "$2" ] || missing+=("$1"); else command -v "$2" >/dev/null || missing+=("$1"); fi
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
