#!/usr/bin/env bash
# Runs the async benchmarks side by side and prints one table: coflat-lowered
# C++17 and native C++20 (bench_async.cpp, Google Benchmark, median of 5
# repetitions) and CPython asyncio (cpython_async.py, median of 5), with
# ratios.  The pair is run RUNS times (default 3), alternating, and each cell
# is the median over the runs with its range.
#   bash bench/run_async.sh [build-dir]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
runs=${RUNS:-3}
cxx=() py=()
for i in $(seq "$runs"); do
  "$build/bench/coflat_bench_async" --benchmark_repetitions=5 \
    --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true \
    --benchmark_format=json > "$build/bench-async-$i.json"
  python3 bench/cpython_async.py --json "$build/bench-async-cpython-$i.json" > /dev/null
  cxx+=("$build/bench-async-$i.json") py+=("$build/bench-async-cpython-$i.json")
done
python3 bench/ratios_async.py --cxx "${cxx[@]}" --cpython "${py[@]}"
