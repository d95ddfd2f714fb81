#!/usr/bin/env bash
# Runs the benchmarks side by side and prints ratios (lowered / native,
# lowered / hand-written, CPython) as used in docs/benchmarks.md; the async
# part is bench/run_async.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
"$build/bench/coflat_bench_generators" --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true --benchmark_format=json > "$build/bench-generators.json"
python3 bench/ratios.py "$build/bench-generators.json"
python3 bench/cpython_generators.py
python3 bench/frame_sizes.py "$build/bin/coflat" "$build/bench/coflat_frame_sizes" \
  -Iruntime/include -Ibench -DCOFLAT_BENCH_NS=lowered
python3 bench/corpus_frame_sizes.py "$build/bin/coflat" clang++-19 "-Iruntime/include -Itest/support" \
  test/run/*.cpp examples/*.cpp
bash bench/run_async.sh "$build"
