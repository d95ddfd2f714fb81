#!/usr/bin/env bash
# Every test: install, build, then ctest (runtime unit tests in both modes,
# and the lit suites: lower, run, diagnostics, examples, run-sanitized).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
