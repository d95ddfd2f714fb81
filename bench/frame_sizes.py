#!/usr/bin/env python3
"""Lowered frame sizeof (from `coflat states --format=json`) next to the
frame size the native C++20 build allocates (bench/frame_sizes.cpp), for
the generators of bench/generators.cpp.
usage: frame_sizes.py <coflat> <frame_sizes binary> <compiler args>..."""
import json
import subprocess
import sys

coflat, native_bin, args = sys.argv[1], sys.argv[2], sys.argv[3:]
doc = json.loads(subprocess.run(
    [coflat, "states", "bench/generators.cpp", "--format=json", "--"] + args,
    check=True, capture_output=True, text=True).stdout)
native = dict(line.split() for line in subprocess.run(
    [native_bin], check=True, capture_output=True, text=True).stdout.splitlines())
print("| generator | lowered sizeof | native C++20 frame | lowered / native |")
print("|---|---|---|---|")
for c in doc["coroutines"]:
    name = c["function"].rsplit("::", 1)[-1]
    size = c["frame"]["sizeof"]
    n = int(native[name])
    print("| {} | {} | {} | {:.2f}x |".format(name, size, n, size / n))
