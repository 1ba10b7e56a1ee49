#!/usr/bin/env bash
# Installs everything a fresh Debian machine lacks for this course, then builds it.
# Safe to run again: each step skips what is already there.
# Needs root (or sudo) for apt; inside the devcontainer everything is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages. libtorch is NOT one of them: it comes inside the TorchSharp NuGet package.
# Chromium (browser tests, PNG export), Fashion-MNIST (image data), npm (offline copies of
# plotly.js, KaTeX, highlight.js), require.js (browser tests load charts the way VS Code's
# notebook webview does). Each entry: Debian package, then the file that shows it is there.
apt_packages=(
  "chromium chromium"
  "dataset-fashion-mnist /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz"
  "npm npm"
  "libjs-requirejs /usr/share/javascript/requirejs/require.min.js"
)
# OpenBLAS for Debian's python3-torch, the reference side of benchmarks/ (on the reference BLAS it is
# 10-30x slower and the benchmark refuses to report a ratio); only where python3-torch is installed.
if dpkg -s python3-torch >/dev/null 2>&1; then
  apt_packages+=("libopenblas0-pthread /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3")
fi
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

# Restore first, so that TorchSharp's native library is in the NuGet cache before any build copies it.
dotnet restore Notebooks.sln -nologo -verbosity:quiet

# Debian 12 only: TorchSharp's libLibTorchSharp.so asks for GLIBCXX_3.4.32 for one symbol that nothing
# calls, and Debian 12's libstdc++ stops at 3.4.30 (README.md, "TorchSharp on Debian 12"). The tool marks
# that one requirement weak in the NuGet cache's copies; it changes nothing where libstdc++ has the
# version, or where the copy is already marked.
nuget_packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
mapfile -t torchsharp_natives < <(find "$nuget_packages/torchsharp" -name libLibTorchSharp.so 2>/dev/null)
if [ ${#torchsharp_natives[@]} -gt 0 ]; then
  dotnet run --project tools/GenAI.WeakGlibcxx -c Release -- "${torchsharp_natives[@]}"
fi

dotnet build Notebooks.sln -c Debug -nologo -clp:ErrorsOnly --no-restore
