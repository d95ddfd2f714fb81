#!/usr/bin/env bash
# A differential fuzzing campaign: generated programs, lowered and built
# with g++ and clang++ -std=c++17 (-O0/-O2, a share under ASan+UBSan),
# against the same programs built natively with clang++ -std=c++20.
#
#   bash scripts/fuzz.sh [FIRST:END] [run.py options...]
#
# FIRST:END is the range of seeds (default 0:200: 10,000 programs at 50 a
# seed, every 8th seed also under ASan+UBSan).  Failing programs are kept, one directory each, under
# build/fuzz-failures; the counts go to build/fuzz-summary.json; a progress
# line is printed per seed.  `bash test/fuzz/reduce.sh DIR` shrinks a kept
# program with cvise.  Expects ./build (bash scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-0:200}
[ $# -gt 0 ] && shift
[ -x build/bin/coflat ] || bash scripts/build.sh
# The campaign tests one tool, runtime and generator: copies, so that
# editing or rebuilding them while it runs changes nothing.
work="${TMPDIR:-/tmp}/coflat-fuzz-$$"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cp build/bin/coflat build/runtime/libcoflat_runtime.a "$work/"
cp -r test/fuzz runtime/include "$work/"
python3 "$work/fuzz/run.py" --coflat "$work/coflat" --runtime-include "$work/include" \
  --runtime-lib "$work/libcoflat_runtime.a" --seeds "$seeds" --keep build/fuzz-failures \
  --summary build/fuzz-summary.json --work "$work/units" --programs 50 --sanitize-every 8 "$@"
