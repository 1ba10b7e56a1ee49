#!/usr/bin/env bash
# Configures and builds the native shim (libGenAITorchNative.so) over libtorch.
#
#   scripts/build-shim.sh [LIBTORCH_DIR] [BUILD_DIR]
#
# LIBTORCH_DIR: a libtorch tree (e.g. the torch/ folder of a PyTorch install, or an
#   unpacked libtorch zip). Defaults to $LIBTORCH, then to Debian's libtorch-dev (/usr).
# BUILD_DIR: CMake build folder, reused between runs so only changed sources are
#   recompiled. Defaults to lib/GenAI.Torch/native/build.
# The library ends up at BUILD_DIR/libGenAITorchNative.so.
# Used by the MSBuild target in lib/GenAI.Torch/GenAI.Torch.csproj, by hand, and by
# the devcontainer Dockerfile.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
src="$repo/lib/GenAI.Torch/native"
libtorch="${1:-${LIBTORCH:-}}"
build="${2:-$src/build}"

install_hint() {
  cat >&2 <<'MSG'
build-shim: libtorch was not found.
  On Debian/Ubuntu:  sudo apt-get install libtorch-dev cmake g++
  Or point LIBTORCH at a libtorch 2.x tree, for example the torch/ folder of a PyTorch install:
    export LIBTORCH=$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))')
  then run: scripts/build-shim.sh (or dotnet build again)
MSG
}

if [ -n "$libtorch" ]; then
  if [ ! -d "$libtorch/share/cmake/Torch" ]; then
    echo "build-shim: LIBTORCH=$libtorch has no share/cmake/Torch (not a libtorch tree)" >&2
    install_hint
    exit 1
  fi
  prefix="$libtorch"
else
  if [ ! -f /usr/lib/x86_64-linux-gnu/cmake/Torch/TorchConfig.cmake ] && \
     ! ls /usr/lib/*/cmake/Torch/TorchConfig.cmake >/dev/null 2>&1 && \
     [ ! -f /usr/share/cmake/Torch/TorchConfig.cmake ]; then
    install_hint
    exit 1
  fi
  prefix="/usr"
fi
for tool in cmake g++; do
  command -v "$tool" >/dev/null || { echo "build-shim: '$tool' is missing (sudo apt-get install cmake g++)" >&2; exit 1; }
done

mkdir -p "$build"
# Re-configure only when the build folder is new or was configured for another libtorch.
stamp="$build/.libtorch-prefix"
if [ ! -f "$build/CMakeCache.txt" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$prefix" ]; then
  rm -f "$build/CMakeCache.txt"
  cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$prefix" >"$build/configure.log" 2>&1 || {
    cat "$build/configure.log" >&2
    echo "build-shim: CMake could not configure the shim against libtorch at $prefix" >&2
    install_hint
    exit 1
  }
  echo "$prefix" >"$stamp"
fi
cmake --build "$build" -j "$(nproc)"
