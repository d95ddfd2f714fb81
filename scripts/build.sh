#!/usr/bin/env bash
# Configures and builds coflat into ./build (Ninja, Release).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++-19 "$@"
cmake --build build -j "$(nproc)"
