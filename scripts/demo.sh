#!/usr/bin/env bash
# The main job: install, build, lower the bundled examples, run them, and
# show what a generator and an async generator became.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
for example in mygen producer_consumer compute_sum future_done potatoes echo generic_pipeline; do
  echo "=== examples/$example.cpp (lowered by coflat_lower, built as C++17) ==="
  "build/examples/$example"
done
echo "=== the state machine of the consumer in examples/producer_consumer.cpp (coflat states) ==="
build/bin/coflat states examples/producer_consumer.cpp --function=consumer -- -Iruntime/include
echo "=== an async generator: take() in examples/potatoes.cpp (coflat states) ==="
build/bin/coflat states examples/potatoes.cpp --function=take -- -Iruntime/include
echo "=== what coflat made of mygen() (build/examples/coflat/mygen/mygen.cpp) ==="
sed -n '/^struct mygen_frame/,/^void mygen_frame::coflat_unwind/p' build/examples/coflat/mygen/mygen.cpp
