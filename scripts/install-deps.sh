#!/usr/bin/env bash
# Installs what coflat needs on Debian 12 (by package name, from Debian).
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
packages=(cmake ninja-build g++ python3 ccache
  clang-19 libclang-19-dev llvm-19-dev llvm-19-tools libclang-cpp19-dev libclang-rt-19-dev
  libc++-19-dev libc++abi-19-dev
  libgtest-dev googletest libbenchmark-dev graphviz)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
